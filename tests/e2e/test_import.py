"""National staff upload CSV files with bad rows: every problem is listed, nothing is imported."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import BAD_ROWS_PROBLEMS, upload_files_with_bad_rows
from tests.e2e.helpers import at
from twinschools.accounts.models import Membership, User
from twinschools.network.models import School

pytestmark = pytest.mark.browser


def test_nso_staff_upload_csv_files_with_bad_rows_see_every_problem_and_nothing_is_imported(
    world: World, new_page: NewPage
) -> None:
    schools, people, memberships = School.objects.count(), User.objects.count(), Membership.objects.count()
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("accounts:dashboard"))
    page.get_by_role("link", name="Import the national registry").click()
    expect(page).to_have_url(at(reverse("network:import")))
    expect(page.get_by_role("alert")).to_have_count(0)
    upload = page.get_by_label("CSV files")
    expect(upload).to_have_attribute("multiple", "")

    upload_files_with_bad_rows(page)

    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text(
        f"Nothing was imported: {len(BAD_ROWS_PROBLEMS)} problems were found."
    )
    table = alert.get_by_role("table", name="Problems found in the files")
    expect(table.get_by_role("columnheader")).to_have_text(["File", "Row", "Column", "Problem"])
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(BAD_ROWS_PROBLEMS))
    listed = {tuple(cells[:3]) for cells in (row.locator("td").all_inner_texts() for row in rows.all())}
    assert listed == BAD_ROWS_PROBLEMS
    expect(table).to_contain_text("2019-02-30")
    expect(table).to_contain_text("kindergarten")
    expect(table).to_contain_text("Pupils are never imported")

    # Not even the good school of row 2: an import is written entirely or not at all.
    assert (School.objects.count(), User.objects.count(), Membership.objects.count()) == (
        schools,
        people,
        memberships,
    )
    assert not School.objects.filter(external_id__startswith="S-RO-E2E").exists()
