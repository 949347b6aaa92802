"""Where private files live: the local disk (the embedded default) or an S3-compatible bucket.

Every private file (imports waiting for a worker, exports, evidence, practice attachments,
NSO logos) is read and written through Django's `default_storage`, never by a path, so the
web and the workers may run on different machines once the files are in a bucket. Files are
never public: no ACL is sent (the bucket's own, private, applies), no URL of a file is ever
given out, and downloads go through the permission-checked views.
"""

from __future__ import annotations

from typing import Any

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

# A file read from the bucket is downloaded to a temporary file: past this size it is spooled
# to disk instead of memory, so a 200 MB import is streamed, not held.
SPOOL_IN_MEMORY_BYTES = 2 * 1024 * 1024
# A large file goes up in parts of this size (S3's smallest), one at a time.
PART_BYTES = 5 * 1024 * 1024


def s3(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    addressing_style: str = "",
) -> dict[str, Any]:
    """The STORAGES entry of a private bucket (django-storages' S3 backend)."""
    from boto3.s3.transfer import TransferConfig

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            # Empty: boto3 finds credentials itself (AWS_* variables, an instance role).
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "addressing_style": addressing_style or None,
            # The bucket's default ACL (private) applies; nothing is ever made public-read.
            "default_acl": None,
            # Only a signed, expiring address could reach a file; we hand out none.
            "querystring_auth": True,
            # Two schools' "plan.pdf" of the same month get different names, as on disk.
            "file_overwrite": False,
            "max_memory_size": SPOOL_IN_MEMORY_BYTES,
            # One part in memory at a time while a large file goes up or comes down.
            "transfer_config": TransferConfig(
                use_threads=False, multipart_threshold=PART_BYTES, multipart_chunksize=PART_BYTES
            ),
        },
    }
