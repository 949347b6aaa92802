"""One way to render every form: Bootstrap 5 markup through Django's form renderer.

`FORM_RENDERER` points at `FormRenderer`, so `{{ form }}` anywhere renders the
project's `forms/form.html` and `forms/field.html`: labels, required markers, help
text, limits and errors follow one accessible pattern, and no app keeps its own
copy of a fields partial. Widgets get Bootstrap's classes from `BootstrapBoundField`,
so form classes never have to name CSS classes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

# Bootstrap's class for each Django widget type; a group of radios or checkboxes gives it to each choice.
WIDGET_CLASSES = {
    "checkbox": "form-check-input",
    "select": "form-select",
    "selectmultiple": "form-select",
    "nullbooleanselect": "form-select",
    "radioselect": "form-check-input",
    "checkboxselectmultiple": "form-check-input",
    "clearablefile": "form-control",
    "file": "form-control",
    "hidden": "",
}


class BootstrapBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        css = WIDGET_CLASSES.get(self.widget_type, "form-control")
        if self.errors and css:
            css += " is-invalid"
        existing = (widget or self.field.widget).attrs.get("class", "")
        if css and css not in existing:
            attrs["class"] = f"{existing} {css}".strip()
        return attrs


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BootstrapBoundField


def show_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields, or above the form for fields it lacks."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, field_errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, field_errors)
