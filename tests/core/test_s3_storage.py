"""Private files in an S3-compatible bucket (core/storage.py), against a real S3 server.

moto's server is an S3 HTTP server started here, one per test worker on a port of its own;
each test gets a bucket of its own. Nothing of ours is replaced: the app talks to it through
django-storages and boto3 exactly as it would talk to a bucket in production.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import tracemalloc
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.applications.factories import application_of
from tests.clients import signed_in
from tests.conftest import World
from tests.network.test_import import SCHOOLS_HEADER, csv_bytes
from twinschools.applications import services
from twinschools.core import jobs, storage
from twinschools.core.models import Job
from twinschools.network.models import School

pytestmark = pytest.mark.django_db

KEY, SECRET, REGION = "tests-key", "tests-secret", "eu-central-1"


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """An S3 server of this test worker's own (moto_server), for the whole session."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass
class Bucket:
    endpoint: str
    name: str
    client: Any  # a boto3 S3 client with the same credentials, to look behind the app's back

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return [item["Key"] for item in listing.get("Contents", [])]

    def anonymous_get(self, key: str) -> int:
        try:
            with urllib.request.urlopen(f"{self.endpoint}/{self.name}/{key}") as response:
                return int(response.status)
        except urllib.error.HTTPError as refused:
            return refused.code


@pytest.fixture
def bucket(s3_endpoint: str, settings: Any) -> Bucket:
    """A new private bucket, made the app's default storage as TWINSCHOOLS_S3_* would."""
    name = f"twinschools-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=KEY,
        aws_secret_access_key=SECRET,
        config=Config(s3={"addressing_style": "path"}),
    )
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage.s3(
            bucket=name,
            endpoint_url=s3_endpoint,
            region=REGION,
            access_key=KEY,
            secret_key=SECRET,
            addressing_style="path",
        ),
    }
    return Bucket(s3_endpoint, name, client)


def _pdf(content: bytes = b"%PDF-1.4 our eSafety policy") -> SimpleUploadedFile:
    return SimpleUploadedFile("policy.pdf", content, content_type="application/pdf")


def test_evidence_is_kept_in_the_bucket_served_through_the_checked_view_and_deleted_with_it(
    world: World, bucket: Bucket, django_capture_on_commit_callbacks: Any
) -> None:
    head, teacher = world.people["head_a"], world.people["teacher_a"]
    application = application_of(world.school_a, head)
    esafety = application.round.form_version.sections.get(kind="esafety")

    first = services.add_evidence(application=application, section_id=esafety.pk, by=head, upload=_pdf())
    second = services.add_evidence(
        application=application, section_id=esafety.pk, by=head, upload=_pdf(b"%PDF-1.4 another")
    )

    # Two files of the same name never overwrite each other, as on the local disk.
    assert first.file.name != second.file.name
    assert sorted(bucket.keys()) == sorted([first.file.name, second.file.name])
    download = signed_in(teacher).get(reverse("applications:evidence_file", args=[first.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 our eSafety policy"
    assert (
        signed_in(world.people["teacher_b"])
        .get(reverse("applications:evidence_file", args=[first.pk]))
        .status_code
        == 404
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_evidence(evidence=first, by=head)
    assert bucket.keys() == [second.file.name]


def test_files_in_the_bucket_are_refused_to_anyone_without_credentials(bucket: Bucket) -> None:
    name = default_storage.save("applications/2026/12/policy.pdf", ContentFile(b"%PDF-1.4 private"))

    assert bucket.anonymous_get(name) == 403
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=name)["Grants"]
    assert [grant["Grantee"].get("URI") for grant in grants] == [None]  # the owner only
    # The server does serve a public object: the refusal above is the file's privacy.
    bucket.client.put_object(Bucket=bucket.name, Key="public.txt", Body=b"hello", ACL="public-read")
    assert bucket.anonymous_get("public.txt") == 200


def test_a_web_import_waits_in_the_bucket_and_the_worker_imports_it_from_there(
    bucket: Bucket, django_capture_on_commit_callbacks: Any
) -> None:
    factories.country("RO")
    admin = factories.UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    rows = [[f"S-RO-{n}", f"Școala Gimnazială nr. {n}", "RO", "Brăila", "2019-01-01"] for n in range(500)]
    upload = SimpleUploadedFile("schools.csv", csv_bytes(SCHOOLS_HEADER, rows), content_type="text/csv")
    client = signed_in(admin)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("network:import"), {"csv_files": [upload]})
    job = Job.objects.get()
    assert response.url == reverse("core:job", args=[job.pk])
    stored = job.params["files"][0]["path"]
    assert stored.startswith("jobs/imports/") and bucket.keys() == [stored]

    for callback in callbacks:
        callback()  # the worker, which may be on another machine, runs the job

    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    assert School.objects.count() == 500
    assert "The files were imported." in client.get(response.url).content.decode()
    assert bucket.keys() == []  # the upload is deleted once the job has ended


def test_finished_jobs_files_in_the_bucket_are_purged_with_them(bucket: Bucket) -> None:
    owner = factories.UserFactory(email="nso@example.org")
    export = default_storage.save("jobs/exports/1/coverage.csv", ContentFile(b"school,country\n"))
    upload = default_storage.save("jobs/imports/1/0-schools.csv", ContentFile(b"external_id\n"))
    long_ago = timezone.now() - timedelta(days=31)
    Job.objects.create(
        kind="reach.export",
        owner=owner,
        status=Job.Status.DONE,
        finished_at=long_ago,
        result={"file": export},
    )
    Job.objects.create(
        kind="network.import",
        owner=owner,
        status=Job.Status.FAILED,
        finished_at=long_ago,
        params={"files": [{"name": "schools.csv", "path": upload}]},
    )
    assert sorted(bucket.keys()) == sorted([export, upload])

    assert jobs.purge_finished() == 2
    assert bucket.keys() == [] and not Job.objects.exists()


def _peak_memory(work: Callable[[], object]) -> int:
    """The most memory Python held while `work` ran (tracemalloc), in bytes."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_file_goes_up_and_comes_back_with_bounded_memory(bucket: Bucket, tmp_path: Path) -> None:
    local = tmp_path / "big.csv"
    block = b"S-RO-1,Scoala,RO,Braila,2019-01-01\n" * 2000
    with local.open("wb") as out:
        for _ in range(24 * 1024 * 1024 // len(block) + 1):
            out.write(block)
    size = local.stat().st_size
    default_storage.exists("warm-up")  # boto3 reads S3's service description once per process

    def upload() -> None:  # as the import stores a spooled upload
        with local.open("rb") as handle:
            default_storage.save("jobs/imports/big.csv", File(handle, name="big.csv"))

    read = 0

    def download() -> None:  # as the worker reads it, line by line
        nonlocal read
        with default_storage.open("jobs/imports/big.csv", "rb") as stream:
            while line := stream.readline():
                read += len(line)

    up, down = _peak_memory(upload), _peak_memory(download)
    print(
        f"\n{size / 2**20:.0f} MB through the bucket: Python peak {up / 2**20:.1f} MB up, {down / 2**20:.1f} MB down"
    )
    assert read == size
    # One part in memory at a time going up; past SPOOL_IN_MEMORY_BYTES a temporary file coming down.
    assert up < 2 * storage.PART_BYTES
    assert down < storage.SPOOL_IN_MEMORY_BYTES + 4 * 1024 * 1024
