"""Issuer keys per country's NSO, their Bitstring Status Lists, and issued credentials."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuerKey(models.Model):
    """An Ed25519 key pair of a country's NSO. The private key is stored encrypted (keys.py);
    retired keys keep their public half in the controller document so old credentials verify."""

    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="issuer_keys")
    key_id = models.CharField(max_length=40)  # the fragment of the verification method id
    public_key_multibase = models.CharField(max_length=64)
    encrypted_private_key = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")
        ordering = ["country", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["country", "key_id"], name="issuer_key_unique_id"),
            models.UniqueConstraint(
                fields=["country"], condition=models.Q(retired_at__isnull=True), name="issuer_key_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country.code}#{self.key_id}"


class StatusList(models.Model):
    """A Bitstring Status List (purpose: revocation) of a country's NSO, with its signed credential."""

    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="status_lists")
    number = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    bits = models.BinaryField()
    signed_json = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")
        ordering = ["country", "number"]
        constraints = [
            models.UniqueConstraint(fields=["country", "number"], name="status_list_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.country.code}/{self.number}"


class IssuedCredential(models.Model):
    """One label credential as issued (the signed JSON is kept exactly as it was signed)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Registry schools are removed only when a generated network is replaced; the record goes
    # with its school as the award does (evaluation.LabelAward), the status list keeps its bits.
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="credentials")
    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="credentials")
    label_years = models.CharField(_("label years"), max_length=20)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    signed_json = models.JSONField()
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="credentials")
    status_index = models.PositiveIntegerField()
    # What the credential was issued for (e.g. an awarded label), as a plain id so this app
    # depends on no other app's models.
    source_label = models.CharField(max_length=64, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason"), blank=True)
    revoked_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set when the credential was issued again under the NSO's new issuer identifier
    # (services.reissue_credential); the old one keeps verifying until it expires.
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces"
    )

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credential_unique_status_index"
            )
        ]
        indexes = [models.Index(fields=["country", "-issued_at"], name="credential_country_issued")]

    def __str__(self) -> str:
        return f"{self.school} {self.label_years}"
