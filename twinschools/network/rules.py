"""Permission predicates for the network registry."""

from __future__ import annotations

import rules

from twinschools.accounts.rules import is_admin, is_head_of, is_nso_for, is_nso_staff, is_staff_of

rules.add_perm("network.view_school_people", is_staff_of | is_nso_for | is_admin)
rules.add_perm("network.import_network", is_nso_staff | is_admin)
# The NSO's own profile (objects: a NationalSupportOrganisation, which has a country_id).
rules.add_perm("network.edit_nso_profile", is_nso_for | is_admin)
rules.add_perm("network.view_nso_profiles", is_nso_staff | is_admin)
# The school's time zone: its head's to set (objects: a School).
rules.add_perm("network.set_time_zone", is_head_of | is_admin)
