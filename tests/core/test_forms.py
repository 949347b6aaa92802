"""The one form renderer (twinschools/core/forms.py) and the templates that use it."""

from __future__ import annotations

import re
from pathlib import Path

from django import forms
from django.template.loader import render_to_string

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "twinschools"


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=20, help_text="As on the register.")
    note = forms.CharField(label="Note", max_length=300, required=False, widget=forms.Textarea)
    agree = forms.BooleanField(label="I agree")
    colour = forms.ChoiceField(
        label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect
    )


def test_no_template_draws_fields_with_the_old_form_row_markup() -> None:
    old = re.compile(r"""class=["'][^"']*\bform-row\b""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if old.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_field_with_errors_is_described_by_its_help_text_and_its_error_list() -> None:
    form = SampleForm(data={"name": "x" * 30})
    html = str(form["name"].as_field_group())
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="form-control is-invalid"' in html
    assert '<ul class="errorlist invalid-feedback d-block list-unstyled" id="id_name_error">' in html


def test_a_valid_field_is_described_by_its_help_text_only() -> None:
    html = str(SampleForm()["name"].as_field_group())
    assert 'aria-describedby="id_name_helptext"' in html
    assert "id_name_error" not in html


def test_the_form_draws_labels_required_marks_counters_and_checkboxes_the_bootstrap_way() -> None:
    html = str(SampleForm())
    assert (
        '<label class="form-label fw-semibold" for="id_name">Name</label>&nbsp;<span class="required-mark"'
        in html
    )
    assert 'data-count-for="id_note"' in html
    assert '<div class="mb-3 form-check">' in html
    assert 'class="form-check-input"' in html


def test_filter_fields_sit_in_columns_that_a_page_can_resize() -> None:
    default = render_to_string("includes/filter_fields.html", {"form": SampleForm()})
    assert default.count('<div class="col-sm-6 col-lg">') == 4
    wide = render_to_string("includes/filter_fields.html", {"form": SampleForm(), "cols": "col-md"})
    assert wide.count('<div class="col-md">') == 4


def test_each_choice_of_a_group_is_a_bootstrap_check_inside_a_fieldset() -> None:
    html = str(SampleForm()["colour"].as_field_group())
    assert html.startswith('<fieldset class="mb-3 form-group">')
    assert '<legend class="form-label fs-6 fw-semibold">Colour' in html
    assert html.count('<div class="form-check"><input type="radio" name="colour"') == 2
    assert html.count('class="form-check-input"') == 2
