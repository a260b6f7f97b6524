"""Where Shipguard's own files live, in a source checkout and in an installed wheel."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a checkout the package sits at <repo>/server/shipguard; a wheel copies messages/,
# extension/ and manifest.json into the package itself (see pyproject's force-include).
REPO_ROOT = PACKAGE_DIR.parent.parent


def _package_or_repo(name):
    """The package's copy of a top-level file or folder if there is one, else the repo's."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.exists() else REPO_ROOT / name


def default_data_dir():
    """The folder holding the default rules, marketplaces, date formats and page adapters."""
    return PACKAGE_DIR / "data"


def messages_dir():
    """The folder holding the default buyer message templates, one file per template."""
    return _package_or_repo("messages")


def manifest_path():
    """The extension's MV3 manifest, the source of truth the build copies."""
    return _package_or_repo("manifest.json")


def extension_dir():
    """The extension's code, copied to the root of each built browser folder."""
    return _package_or_repo("extension")


def sample_pages_dir():
    """The sample Seller Central pages (the browser tests' fixtures) that `shipguard demo` serves."""
    packaged = PACKAGE_DIR / "sample_pages"
    return packaged if packaged.exists() else REPO_ROOT / "tests" / "fixtures" / "sellercentral"
