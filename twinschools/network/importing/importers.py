"""One importer per kind of file; base.KindImporter runs them batch by batch."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.accounts.models import Membership, User
from twinschools.network.importing import formats
from twinschools.network.importing.base import (
    CREATED,
    UNCHANGED,
    UPDATED,
    KindImporter,
    RepeatKey,
    Row,
    SchoolRef,
    apply_changes,
    find_people,
    find_projects,
    find_schools,
    participation_pairs,
    staff_pairs,
    stored_by_external_id,
    strict_key,
)
from twinschools.network.importing.seen import fingerprint
from twinschools.network.models import (
    Activity,
    ActivityKind,
    Project,
    ProjectSchool,
    ProjectStatus,
    ProjectTeacher,
    QualityLabel,
    Region,
    School,
)
from twinschools.network.reference import time_zone_for

# --- Schools. --------------------------------------------------------------------------------


class SchoolsImporter(KindImporter):
    kind = formats.SCHOOLS
    # Messages are made once, not per row: a lazy string costs a few microseconds to make.
    REGION_RENAMED = gettext_lazy(
        "The region “%(code)s” of %(country)s has another name on row %(row)d of %(file)s."
    )
    REPEATED = gettext_lazy("The school “%(id)s” already appears on row %(row)d of %(file)s.")

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        keys = strict_key(
            "school",
            row["external_id"],
            self.REPEATED,
        )
        if row["region_code"] and row["region_name"] and row["country"]:
            keys.append(
                RepeatKey(
                    f"region|{row['country']}|{row['region_code']}",
                    "region_name",
                    self.REGION_RENAMED,
                    {"code": row["region_code"], "country": row["country"]},
                    fingerprint(row["region_name"]),
                )
            )
        return keys

    def resolve(self, rows: list[Row]) -> None:
        self.existing = stored_by_external_id(School, rows)
        self.regions = {
            (region.country_id, region.code): region
            for region in Region.objects.filter(
                country_id__in={self.ctx.countries.get(r["country"]) for r in rows},
                code__in={r["region_code"] for r in rows if r["region_code"]},
            )
        }
        # Regions this batch names, and so creates: other rows may give just the code.
        self.named_regions = {
            (self.ctx.countries.get(r["country"]), r["region_code"]) for r in rows if r["region_name"]
        }

    def validate(self, row: Row) -> None:
        self._validate_languages(row)
        if row["country"] is None:
            return
        country_id = self.ctx.countries.get(row["country"])
        if country_id is None:
            self.problem(
                row,
                "country",
                _("“%(code)s” is not a country of the eTwinning network in TwinSchools.")
                % {"code": row["country"]},
            )
            return
        self.in_scope(row, "country", row["external_id"], country_id)
        existing = self.existing.get(row["external_id"])
        if existing is not None and existing.country_id != country_id:
            self.in_scope(row, "country", row["external_id"], existing.country_id)
        self._validate_region(row, country_id)

    def _validate_languages(self, row: Row) -> None:
        unknown = [code for code in row["languages"] or () if code not in self.ctx.languages]
        if unknown:
            self.problem(
                row,
                "languages",
                _(
                    "“%(code)s” is not a teaching language known to TwinSchools; use codes such as ro, ca or en."
                )
                % {"code": unknown[0]},
            )

    def _validate_region(self, row: Row, country_id: int) -> None:
        if row["region_name"] and not row["region_code"]:
            self.problem(row, "region_code", _("A region needs a code in region_code as well as a name."))
        elif (
            row["region_code"]
            and not row["region_name"]
            and (country_id, row["region_code"]) not in self.regions
            and (country_id, row["region_code"]) not in self.named_regions
        ):
            self.problem(
                row,
                "region_name",
                _("The region “%(code)s” does not exist yet; give its name in region_name to create it.")
                % {"code": row["region_code"]},
            )

    def save(self, rows: list[Row]) -> None:
        self._save_regions(rows)
        changed_fields = {"updated_at"}
        schools = []
        for row in rows:
            school = self.existing.get(row["external_id"])
            fields = self._fields(row)
            if school is None or school.country_id != fields["country_id"]:
                # A new school lives in its country's time zone (the head may change it later).
                fields["time_zone"] = time_zone_for(row["country"])
            if school is None:
                school = School(external_id=row["external_id"], **fields)
                row.status = CREATED
            elif names := apply_changes(school, fields):
                changed_fields.update(names)
                row.status = UPDATED
            schools.append(school)
        School.objects.bulk_create([school for school in schools if school.pk is None])
        self._save_many(rows, schools, "levels", self.ctx.levels)
        self._save_many(rows, schools, "languages", self.ctx.languages)
        changed = [school for school, row in zip(schools, rows, strict=True) if row.status == UPDATED]
        now = timezone.now()  # bulk_update does not apply auto_now itself
        for school in changed:
            school.updated_at = now
        if changed:
            School.objects.bulk_update(changed, sorted(changed_fields))

    def _fields(self, row: Row) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "name": row["name"],
            "town": row["town"],
            "search_text": School.search_text_for(row["name"], row["town"]),
            "country_id": self.ctx.countries[row["country"]],
            "registered_on": row["registered_on"],
        }
        # Optional columns missing from the header leave the stored value alone.
        for column in ("address", "website"):
            if row.has(column):
                fields[column] = row[column] or ""
        for column in ("latitude", "longitude"):
            if row.has(column):
                fields[column] = row[column]
        if row.has("region_code"):
            region = self.regions.get((fields["country_id"], row["region_code"]))
            fields["region_id"] = region.pk if region else None
        return fields

    def _save_regions(self, rows: list[Row]) -> None:
        """Create the regions named for the first time, rename the others."""
        new: dict[tuple[int, str], Region] = {}
        renamed: list[Region] = []
        for row in rows:
            if not (row["region_code"] and row["region_name"]):
                continue
            key = (self.ctx.countries[row["country"]], row["region_code"])
            region = self.regions.get(key) or new.get(key)
            if region is None:
                new[key] = Region(country_id=key[0], code=key[1], name=row["region_name"])
            elif region.name != row["region_name"]:
                region.name = row["region_name"]
                renamed.append(region)
        Region.objects.bulk_create(new.values())
        self.regions.update(new)
        if renamed:
            Region.objects.bulk_update(renamed, ["name"])

    def _save_many(self, rows: list[Row], schools: list[School], column: str, codes: dict[str, int]) -> None:
        """Make each school's levels (or languages) exactly those its row lists, if the file has the column."""
        if not rows[0].has(column):
            return
        through = getattr(School, column).through
        target = f"{getattr(School, column).field.related_model._meta.model_name}_id"
        wanted = {
            school.pk: {codes[code] for code in row[column] or ()}
            for row, school in zip(rows, schools, strict=True)
        }
        current: dict[int, dict[int, int]] = defaultdict(dict)  # school -> target -> through row
        for pk, school_id, target_id in through.objects.filter(school_id__in=wanted).values_list(
            "id", "school_id", target
        ):
            current[school_id][target_id] = pk
        additions, removals = [], []
        for school_id, targets in wanted.items():
            have = current[school_id]
            additions += [through(school_id=school_id, **{target: one}) for one in targets - have.keys()]
            removals += [pk for one, pk in have.items() if one not in targets]
        through.objects.bulk_create(additions)
        through.objects.filter(pk__in=removals).delete()
        for row, school in zip(rows, schools, strict=True):
            if row.status == UNCHANGED and current[school.pk].keys() != wanted[school.pk]:
                row.status = UPDATED


# --- People and their memberships. -----------------------------------------------------------


class PeopleImporter(KindImporter):
    kind = formats.PEOPLE
    PERSON_CHANGED = gettext_lazy(
        "The person “%(id)s” appears on row %(row)d of %(file)s with another e-mail address "
        "or name; every row of a person must give the same ones."
    )
    EMAIL_REPEATED = gettext_lazy(
        "The e-mail address %(email)s is given to another person on row %(row)d of %(file)s."
    )
    MEMBERSHIP_REPEATED = gettext_lazy(
        "Row %(row)d of %(file)s already gives this person this role at this school."
    )

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        person, email, school, role = row["external_id"], row["email"], row["school_external_id"], row["role"]
        keys = []
        if person:
            keys.append(
                RepeatKey(
                    f"person|{person}",
                    "external_id",
                    self.PERSON_CHANGED,
                    {"id": person},
                    fingerprint(email, row["full_name"]),
                )
            )
        if email:
            keys.append(
                RepeatKey(
                    f"email|{email}",
                    "email",
                    self.EMAIL_REPEATED,
                    {"email": email},
                    fingerprint(person),
                )
            )
        if person and school and role:
            keys.append(
                RepeatKey(
                    f"membership|{person}|{school}|{role}",
                    "role",
                    self.MEMBERSHIP_REPEATED,
                    {},
                )
            )
        return keys

    def resolve(self, rows: list[Row]) -> None:
        self.schools = find_schools(row["school_external_id"] for row in rows)
        self.people = {
            user.external_id: user
            for user in User.objects.filter(external_id__in={row["external_id"] for row in rows})
        }
        self.email_owners = dict(
            User.objects.filter(email__in={row["email"] for row in rows}).values_list("email", "external_id")
        )
        self.memberships = self._current_memberships(
            [user.pk for user in self.people.values()], [school.id for school in self.schools.values()]
        )

    @staticmethod
    def _current_memberships(
        user_ids: list[int], school_ids: list[int]
    ) -> dict[tuple[int, int, str], Membership]:
        """Per (person, school, role): the current membership, or else the latest one."""
        chosen: dict[tuple[int, int, str], Membership] = {}
        memberships = Membership.objects.filter(user_id__in=user_ids, school_id__in=school_ids)
        for membership in memberships.order_by("started_on", "id"):
            key = (membership.user_id, membership.school_id, membership.role)
            if key not in chosen or chosen[key].ended_on is not None:
                chosen[key] = membership
        return chosen

    def validate(self, row: Row) -> None:
        self.school(row, "school_external_id", self.schools, row["school_external_id"])
        self.dates_in_order(row, "started_on", "ended_on")
        owner = self.email_owners.get(row["email"], row["external_id"])
        if owner != row["external_id"]:
            self.problem(
                row,
                "email",
                _(
                    "The e-mail address %(email)s already belongs to another person in TwinSchools. "
                    "People are never merged by an import: correct the address, or merge the two "
                    "accounts by hand first."
                )
                % {"email": row["email"]},
            )

    def save(self, rows: list[Row]) -> None:
        touched = self._save_people(rows)
        new, changed, changed_fields = [], [], set()
        for row in rows:
            user = self.people[row["external_id"]]
            key = (user.pk, self.schools[row["school_external_id"]].id, row["role"])
            fields = {"started_on": row["started_on"]}
            if row.has("ended_on"):
                fields["ended_on"] = row["ended_on"]
            membership = self.memberships.get(key)
            if membership is None:
                new.append(Membership(user=user, school_id=key[1], role=key[2], **fields))
                row.status = CREATED
            elif names := apply_changes(membership, fields):
                changed.append(membership)
                changed_fields.update(names)
                row.status = UPDATED
            elif user.external_id in touched:
                row.status = UPDATED
            touched.discard(user.external_id)  # count a person's change once
        Membership.objects.bulk_create(new)
        if changed:
            Membership.objects.bulk_update(changed, sorted(changed_fields))

    def _save_people(self, rows: list[Row]) -> set[str]:
        """Create new people, update changed ones; return the external ids updated."""
        new: dict[str, User] = {}
        changed: dict[str, User] = {}
        for row in rows:
            external_id = row["external_id"]
            user = self.people.get(external_id)
            fields = {"email": row["email"], "full_name": row["full_name"]}
            if user is None:
                user = User(external_id=external_id, **fields)
                # People sign in after a password reset; imports never set passwords.
                user.set_unusable_password()
                self.people[external_id] = new[external_id] = user
            elif apply_changes(user, fields):
                changed[external_id] = user
        User.objects.bulk_create(new.values())
        if changed:
            User.objects.bulk_update(changed.values(), ["email", "full_name"])
        return set(changed)


# --- Projects, their schools and teachers. ---------------------------------------------------


class ProjectsImporter(KindImporter):
    kind = formats.PROJECTS
    REPEATED = gettext_lazy("The project “%(id)s” already appears on row %(row)d of %(file)s.")

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        return strict_key(
            "project",
            row["external_id"],
            self.REPEATED,
        )

    def resolve(self, rows: list[Row]) -> None:
        self.existing = stored_by_external_id(Project, rows)
        self.schools = find_schools(school for row in rows for school in self._school_ids(row))
        self.teachers = find_people(
            person for row in rows for person, _school in row["teacher_external_ids"] or ()
        )
        self.staff = staff_pairs(self.teachers.values(), [school.id for school in self.schools.values()])
        project_ids = [project.pk for project in self.existing.values()]
        self.participations = {
            (p.project_id, p.school_id): p for p in ProjectSchool.objects.filter(project_id__in=project_ids)
        }
        self.project_teachers = set(
            ProjectTeacher.objects.filter(project_id__in=project_ids).values_list(
                "project_id", "teacher_id", "school_id"
            )
        )

    @staticmethod
    def _school_ids(row: Row) -> list[str]:
        pairs = row["teacher_external_ids"] or ()
        return [
            *(row["founder_external_ids"] or ()),
            *(row["partner_external_ids"] or ()),
            *(s for _p, s in pairs),
        ]

    def validate(self, row: Row) -> None:
        if row["age_min"] is not None and row["age_max"] is not None and row["age_max"] < row["age_min"]:
            self.problem(
                row,
                "age_max",
                _("The oldest pupils' age, %(max)d, is below the youngest pupils' age, %(min)d.")
                % {"max": row["age_max"], "min": row["age_min"]},
            )
        self.dates_in_order(row, "started_on", "ended_on")
        founders, partners = row["founder_external_ids"] or [], row["partner_external_ids"] or []
        taking_part = [
            self.school(row, column, self.schools, external_id, check_scope=False)
            for column, ids in (("founder_external_ids", founders), ("partner_external_ids", partners))
            for external_id in ids
        ]
        self._one_school_in_scope(row, [ref for ref in taking_part if ref is not None])
        for both in sorted(set(founders) & set(partners)):
            self.problem(
                row,
                "partner_external_ids",
                _("The school “%(id)s” is listed both as a founder and as a partner.") % {"id": both},
            )
        for person, school in row["teacher_external_ids"] or ():
            self._validate_teacher(row, person, school, [*founders, *partners])

    def _one_school_in_scope(self, row: Row, schools: list[SchoolRef]) -> None:
        # Projects are international: partners abroad are fine, but the national staff
        # of one of the project's countries imports it.
        scope = self.ctx.scope
        if scope is None or not schools or any(ref.country_id in scope for ref in schools):
            return
        self.problem(
            row,
            "founder_external_ids",
            _(
                "None of the project's schools is in %(allowed)s; the project is imported by the "
                "national support organisation of one of its schools."
            )
            % {"allowed": self.ctx.allowed_countries()},
        )

    def _validate_teacher(self, row: Row, person: str, school: str, listed: list[str]) -> None:
        column = "teacher_external_ids"
        teacher_id = self.reference(row, column, self.teachers, "people", person)
        school_ref = self.school(row, column, self.schools, school)
        if teacher_id is None or school_ref is None:
            return
        project = self.existing.get(row["external_id"])
        takes_part = school in listed or (
            project is not None and (project.pk, school_ref.id) in self.participations
        )
        if not takes_part:
            self.problem(
                row,
                column,
                _(
                    "The teacher “%(person)s” works for the school “%(school)s”, which does not take part in "
                    "the project; list it in founder_external_ids or partner_external_ids."
                )
                % {"person": person, "school": school},
            )
        else:
            self.check_worked_at(row, column, (teacher_id, person), (school_ref.id, school))

    def save(self, rows: list[Row]) -> None:
        projects = self.upsert(Project, rows, self.existing, self._fields)
        self._save_participations(rows, projects)
        self._save_teachers(rows, projects)

    @staticmethod
    def _fields(row: Row) -> dict[str, Any]:
        fields = {
            "title": row["title"],
            "age_min": row["age_min"],
            "age_max": row["age_max"],
            "started_on": row["started_on"],
        }
        if row.has("status"):
            fields["status"] = row["status"] or ProjectStatus.ACTIVE
        if row.has("subjects"):
            fields["subjects"] = " ".join(row["subjects"] or ())
        if row.has("ended_on"):
            fields["ended_on"] = row["ended_on"]
        return fields

    def _save_participations(self, rows: list[Row], projects: dict[str, Project]) -> None:
        """Add the schools listed and correct their founder flag; never remove a school."""
        new, changed = [], []
        for row in rows:
            project = projects[row["external_id"]]
            listed = [(school, True) for school in row["founder_external_ids"]]
            listed += [(school, False) for school in row["partner_external_ids"] or ()]
            for school, is_founder in listed:
                school_id = self.schools[school].id
                participation = self.participations.get((project.pk, school_id))
                if participation is None:
                    new.append(ProjectSchool(project=project, school_id=school_id, is_founder=is_founder))
                    self._mark(row, UPDATED)
                elif participation.is_founder != is_founder:
                    participation.is_founder = is_founder
                    changed.append(participation)
                    self._mark(row, UPDATED)
        ProjectSchool.objects.bulk_create(new)
        if changed:
            ProjectSchool.objects.bulk_update(changed, ["is_founder"])

    def _save_teachers(self, rows: list[Row], projects: dict[str, Project]) -> None:
        new = []
        for row in rows:
            project = projects[row["external_id"]]
            for person, school in row["teacher_external_ids"] or ():
                key = (project.pk, self.teachers[person], self.schools[school].id)
                if key not in self.project_teachers:
                    self.project_teachers.add(key)
                    new.append(ProjectTeacher(project=project, teacher_id=key[1], school_id=key[2]))
                    self._mark(row, UPDATED)
        ProjectTeacher.objects.bulk_create(new)

    @staticmethod
    def _mark(row: Row, status: str) -> None:
        if row.status == UNCHANGED:
            row.status = status


# --- Quality labels. -------------------------------------------------------------------------


class QualityLabelsImporter(KindImporter):
    kind = formats.QUALITY_LABELS
    REPEATED = gettext_lazy("The quality label “%(id)s” already appears on row %(row)d of %(file)s.")

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        return strict_key(
            "quality_label",
            row["external_id"],
            self.REPEATED,
        )

    def resolve(self, rows: list[Row]) -> None:
        self.existing = stored_by_external_id(QualityLabel, rows)
        self.schools = find_schools(row["school_external_id"] for row in rows)
        self.teachers = find_people(row["teacher_external_id"] for row in rows)
        self.projects = find_projects(row["project_external_id"] for row in rows)
        school_ids = [school.id for school in self.schools.values()]
        self.staff = staff_pairs(self.teachers.values(), school_ids)
        self.participations = participation_pairs(self.projects.values(), school_ids)

    def validate(self, row: Row) -> None:
        school = self.school(row, "school_external_id", self.schools, row["school_external_id"])
        teacher_id = self.reference(
            row, "teacher_external_id", self.teachers, "people", row["teacher_external_id"]
        )
        project_id = self.reference(
            row, "project_external_id", self.projects, "projects", row["project_external_id"]
        )
        if school is None:
            return
        if teacher_id is not None:
            self.check_worked_at(
                row,
                "teacher_external_id",
                (teacher_id, row["teacher_external_id"]),
                (school.id, row["school_external_id"]),
            )
        if project_id is not None and (project_id, school.id) not in self.participations:
            self.problem(
                row,
                "project_external_id",
                _("The school “%(school)s” does not take part in the project “%(project)s”.")
                % {"school": row["school_external_id"], "project": row["project_external_id"]},
            )

    def save(self, rows: list[Row]) -> None:
        self.upsert(QualityLabel, rows, self.existing, self._fields, keep_new=False)

    def _fields(self, row: Row) -> dict[str, Any]:
        return {
            "kind": row["kind"],
            "teacher_id": self.teachers[row["teacher_external_id"]],
            "project_id": self.projects[row["project_external_id"]],
            "school_id": self.schools[row["school_external_id"]].id,
            "granted_on": row["granted_on"],
        }


# --- Activities. -----------------------------------------------------------------------------


class ActivitiesImporter(KindImporter):
    kind = formats.ACTIVITIES
    REPEATED = gettext_lazy("The activity “%(id)s” already appears on row %(row)d of %(file)s.")

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        return strict_key(
            "activity",
            row["external_id"],
            self.REPEATED,
        )

    def resolve(self, rows: list[Row]) -> None:
        self.existing = stored_by_external_id(Activity, rows)
        self.schools = find_schools(row["school_external_id"] for row in rows)
        self.teachers = find_people(row["teacher_external_id"] for row in rows)
        self.projects = find_projects(
            row["project_external_id"] for row in rows if row["project_external_id"]
        )
        school_ids = [school.id for school in self.schools.values()]
        self.staff = staff_pairs(self.teachers.values(), school_ids)
        self.participations = participation_pairs(self.projects.values(), school_ids)

    def validate(self, row: Row) -> None:
        school = self.school(row, "school_external_id", self.schools, row["school_external_id"])
        teacher_id = self.reference(
            row, "teacher_external_id", self.teachers, "people", row["teacher_external_id"]
        )
        if school is not None and teacher_id is not None:
            self.check_worked_at(
                row,
                "teacher_external_id",
                (teacher_id, row["teacher_external_id"]),
                (school.id, row["school_external_id"]),
            )
        self._validate_project(row, school)

    def _validate_project(self, row: Row, school: SchoolRef | None) -> None:
        project = row["project_external_id"]
        if not project:
            if row["kind"] == ActivityKind.PROJECT:
                self.problem(
                    row,
                    "project_external_id",
                    _("An activity of the kind “project” needs the project's external id."),
                )
            return
        project_id = self.reference(row, "project_external_id", self.projects, "projects", project)
        if (
            project_id is not None
            and school is not None
            and (project_id, school.id) not in self.participations
        ):
            self.problem(
                row,
                "project_external_id",
                _("The school “%(school)s” does not take part in the project “%(project)s”.")
                % {"school": row["school_external_id"], "project": project},
            )

    def save(self, rows: list[Row]) -> None:
        self.upsert(Activity, rows, self.existing, self._fields, keep_new=False)

    def _fields(self, row: Row) -> dict[str, Any]:
        fields = {
            "teacher_id": self.teachers[row["teacher_external_id"]],
            "school_id": self.schools[row["school_external_id"]].id,
            "kind": row["kind"],
            "title": row["title"],
            "occurred_on": row["occurred_on"],
        }
        if row.has("project_external_id"):
            project = row["project_external_id"]
            fields["project_id"] = self.projects[project] if project else None
        return fields


IMPORTERS: dict[str, type[KindImporter]] = {
    importer.kind.name: importer
    for importer in (
        SchoolsImporter,
        PeopleImporter,
        ProjectsImporter,
        QualityLabelsImporter,
        ActivitiesImporter,
    )
}
