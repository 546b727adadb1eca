"""What a media file is, by its bytes, and what its metadata says.

The type comes from the file's first bytes, never from its name: a ``.jpg``
that holds a video or a program is refused with the reason. A path from an
export's JSON is only followed inside the export's folder.
"""

from __future__ import annotations

import re
import stat
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from foglift.media.records import (
    ESCAPES_FOLDER,
    NOT_INCLUDED,
    NOT_MEDIA,
    UNSAFE_FILE,
    WRONG_NAME,
    MediaRefused,
)

# what a name's suffix promises
SUFFIX_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jfif": "image/jpeg",
    ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
    ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff",
    ".heic": "image/heic", ".heif": "image/heic", ".avif": "image/avif",
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".3gp": "video/mp4",
    ".mov": "video/quicktime", ".webm": "video/webm", ".mkv": "video/webm",
    ".avi": "video/x-msvideo", ".ts": "video/mp2t", ".ogv": "video/ogg",
    ".mpg": "video/mpeg", ".mpeg": "video/mpeg",
}  # fmt: skip
# one container under two names: an MP4 named .mov is ordinary
_SAME = {"video/quicktime": "video/mp4"}

_EXECUTABLE = (
    (b"MZ", "a Windows executable"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Mach-O or Java executable"),
    (b"#!", "a script"),
    (b"PK\x03\x04", "a ZIP archive (or an APK, DOCX, JAR)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"%PDF", "a PDF document"),
)
_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif"}


def sniff(head: bytes) -> tuple[str, str]:
    """(class, MIME type) of a file from its first bytes; class is "image" or
    "video". Raises MediaRefused for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image", "image/gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image", "image/webp"
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return "video", "video/x-msvideo"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image", "image/tiff"
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image", "image/bmp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _IMAGE_BRANDS:
            return "image", "image/avif" if brand == b"avif" else "image/heic"
        if brand == b"qt  ":
            return "video", "video/quicktime"
        return "video", "video/mp4"
    if head.startswith(b"\x1aE\xdf\xa3"):
        return "video", "video/webm"
    if head.startswith(b"OggS"):
        return "video", "video/ogg"
    if len(head) > 188 and head[0] == 0x47 and head[188] == 0x47:
        return "video", "video/mp2t"
    if head.startswith(b"\x00\x00\x01\xba"):
        return "video", "video/mpeg"
    for magic, what in _EXECUTABLE:
        if head.startswith(magic):
            raise MediaRefused(NOT_MEDIA, f"not media: the content is {what}")
    raise MediaRefused(NOT_MEDIA, "not media: no image or video signature")


def check_name(path: Path, media_class: str, mime: str) -> str | None:
    """A note when the name's suffix names another type of the same class;
    MediaRefused when it names the other class (a ``.jpg`` that is a video)."""
    suffix = path.suffix.casefold()
    promised = SUFFIX_TYPES.get(suffix)
    if promised is None:
        return None
    if promised.split("/")[0] != media_class:
        raise MediaRefused(
            WRONG_NAME,
            f"named {suffix} ({promised}) but the content is {mime}: a file whose "
            "name hides what it is is not trusted",
        )
    if _SAME.get(promised, promised) != _SAME.get(mime, mime):
        return f"named {suffix} but the content is {mime}"
    return None


_NOT_INCLUDED = re.compile(r"^\s*\(File (not included|exceeds)", re.IGNORECASE)


def resolve_reference(root: Path, given: str) -> Path:
    """The file an export's JSON names, inside ``root``; MediaRefused otherwise."""
    if _NOT_INCLUDED.match(given):
        raise MediaRefused(
            NOT_INCLUDED,
            f"the export does not hold this file: {given.strip()[:120]}",
        )
    pure = PurePosixPath(given.replace("\\", "/"))
    if (
        pure.is_absolute()
        or ".." in pure.parts
        or re.match(r"^[A-Za-z]:", given)
        or "\x00" in given
    ):
        raise MediaRefused(
            ESCAPES_FOLDER,
            "the path leaves the export folder (absolute or with '..'); not read",
        )
    path = root.joinpath(*pure.parts)
    try:
        inside = root.resolve()
        target = path.resolve()
        if not target.is_relative_to(inside):
            raise MediaRefused(
                UNSAFE_FILE, "a link to a file outside the export folder (not followed)"
            )
        mode = target.stat().st_mode
    except FileNotFoundError:
        raise MediaRefused(NOT_INCLUDED, "no such file in the export folder") from None
    except OSError as exc:
        raise MediaRefused(UNSAFE_FILE, f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise MediaRefused(
            UNSAFE_FILE, "not a regular file (a FIFO, device or socket is never read)"
        )
    return path


# --- metadata ---------------------------------------------------------------

_EXIF_BASE = {0x010F: "Make", 0x0110: "Model", 0x0131: "Software", 0x0132: "DateTime"}
_EXIF_IFD = {
    0x9003: "DateTimeOriginal",
    0x9004: "DateTimeDigitized",
    0x9010: "OffsetTimeOriginal",
    0xA434: "LensModel",
}
_XMP_FIELDS = re.compile(
    rb"(xmp:CreateDate|exif:DateTimeOriginal|photoshop:DateCreated|"
    rb"exif:GPSLatitude|exif:GPSLongitude|tiff:Make|tiff:Model|xmp:CreatorTool)"
    rb"(?:=\"([^\"]{1,64})\"|>([^<]{1,64})<)"
)


def _exif_time(value: str, offset: str | None = None) -> str | None:
    try:
        moment = datetime.strptime(value.strip()[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    text = moment.isoformat()
    if offset and re.fullmatch(r"[+-]\d\d:\d\d", offset.strip()):
        text += offset.strip()
    return text


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        return float(value[0]) / float(value[1]) if value[1] else 0.0
    return float(value)


def _gps_from_exif(gps: Any) -> tuple[float, float] | None:
    try:
        lat_dms, lon_dms = gps[2], gps[4]
        lat = sum(_rational(v) / 60**i for i, v in enumerate(lat_dms))
        lon = sum(_rational(v) / 60**i for i, v in enumerate(lon_dms))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if str(gps.get(1, "N")).upper().startswith("S"):
        lat = -lat
    if str(gps.get(3, "E")).upper().startswith("W"):
        lon = -lon
    return _valid_point(lat, lon)


def _valid_point(lat: float, lon: float) -> tuple[float, float] | None:
    if -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0):
        return round(lat, 6), round(lon, 6)
    return None


def _printable(value: Any, limit: int = 200) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    return text.strip()[:limit]


def image_metadata(
    image: Any,
) -> tuple[list[tuple[str, str]], str | None, tuple[float, float] | None]:
    """(fields, creation time, GPS point) from a Pillow image's EXIF and XMP."""
    fields: list[tuple[str, str]] = []
    created: str | None = None
    gps: tuple[float, float] | None = None
    try:
        exif = image.getexif()
    except Exception:  # a damaged EXIF block is absent metadata, not a crash
        exif = {}
    for tag, name in _EXIF_BASE.items():
        if exif.get(tag):
            fields.append((f"exif:{name}", _printable(exif[tag])))
    try:
        sub = exif.get_ifd(0x8769) if exif else {}
        gps_ifd = exif.get_ifd(0x8825) if exif else {}
    except Exception:
        sub, gps_ifd = {}, {}
    for tag, name in _EXIF_IFD.items():
        if sub.get(tag):
            fields.append((f"exif:{name}", _printable(sub[tag])))
    found = dict(fields)
    for key in ("exif:DateTimeOriginal", "exif:DateTimeDigitized", "exif:DateTime"):
        if key in found:
            created = _exif_time(found[key], found.get("exif:OffsetTimeOriginal"))
            if created:
                break
    if gps_ifd:
        gps = _gps_from_exif(gps_ifd)
        if gps:
            fields.append(("exif:GPS", f"{gps[0]:.6f},{gps[1]:.6f}"))
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    if isinstance(xmp, bytes) and xmp:
        fields.append(("xmp", "present"))
        for m in _XMP_FIELDS.finditer(xmp[:1_000_000]):
            value = _printable(m.group(2) or m.group(3) or b"", 64)
            fields.append((m.group(1).decode("ascii"), value))
            if created is None and m.group(1) != b"exif:GPSLatitude":
                created = _iso_time(value)
    return fields, created, gps


def _iso_time(value: str) -> str | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


_ISO6709 = re.compile(r"^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)")
# container tags that say nothing about where, when or with what it was made
_TECHNICAL_TAGS = {
    "major_brand",
    "minor_version",
    "compatible_brands",
    "handler_name",
    "vendor_id",
    "language",
    "duration",
}


def video_metadata(
    tags: dict[str, str],
) -> tuple[list[tuple[str, str]], str | None, tuple[float, float] | None]:
    """(fields, creation time, GPS point) from container and stream tags."""
    fields = [
        (f"tag:{k}", _printable(v))
        for k, v in sorted(tags.items())
        if k.casefold() not in _TECHNICAL_TAGS
    ]
    created = None
    gps = None
    for key, value in tags.items():
        low = key.casefold()
        if created is None and low in (
            "creation_time",
            "com.apple.quicktime.creationdate",
            "date",
        ):
            created = _iso_time(value)
        if gps is None and ("location" in low or "iso6709" in low):
            m = _ISO6709.match(value.strip())
            if m:
                gps = _valid_point(float(m.group(1)), float(m.group(2)))
    return fields, created, gps
