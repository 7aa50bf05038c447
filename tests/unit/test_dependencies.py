"""Dependencies at or above the fixed releases of known advisories.

pip-audit would look advisories up live, but its sources cannot be reached from this project's machines (PyPI's
JSON API answers 404 through the package index used here, and OSV is not reachable), so a test built on it would
pass without having checked anything. Instead ADVISORIES names the advisories known for the packages the server
runs on: pyproject.toml's floors must be at their fixed releases, and the installed packages must be at or above
them. When a new advisory is published, add its line here and raise the floor in pyproject.toml."""
from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).parents[2]
ADVISORIES = [  # (package, first fixed release, advisory)
    ('nicegui', '3.5.0', 'GHSA-mhpg-c27v-6mxr'),
    ('nicegui', '3.7.0', 'GHSA-v82v-c5x8-w282'),
    ('nicegui', '3.8.0', 'GHSA-78qv-3mpx-9cqq'),
    ('nicegui', '3.10.0', 'GHSA-w8wv-vfpc-hw2w'),
    ('starlette', '0.40.0', 'GHSA-f96h-pmfr-66vw'),
    ('starlette', '0.49.1', 'CVE-2025-62727'),
    ('starlette', '1.0.1', 'GHSA-86qp-5c8j-p5mr'),
    ('starlette', '1.3.0', 'PYSEC-2026-248'),
    ('python-multipart', '0.0.26', 'CVE-2026-40347'),
    ('python-multipart', '0.0.30', 'GHSA-6jv3-5f52-599m'),
    ('python-multipart', '0.0.31', 'CVE-2026-53540'),
    ('h11', '0.16.0', 'GHSA-vqfr-h8mv-ghfj'),
    ('jinja2', '3.1.6', 'GHSA-cpwx-vrp4-4pq7'),
    ('aiohttp', '3.12.14', 'CVE-2025-53643'),
    ('pillow', '11.3.0', 'CVE-2025-48379'),
]


def declared_floors() -> dict[str, Version]:
    """The lowest version pyproject.toml allows of each runtime dependency that has a `>=` floor."""
    project = tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']
    floors = {}
    for line in project['dependencies']:
        requirement = Requirement(line)
        for specifier in requirement.specifier:
            if specifier.operator == '>=':
                floors[canonicalize_name(requirement.name)] = Version(specifier.version)
    return floors


def installed_runtime_packages() -> dict[str, Version]:
    """Every installed package the app needs to run (not the test tools), found through the packages' metadata."""
    found: dict[str, Version] = {}
    todo = [Requirement('samenspraak')]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        distribution = metadata.distribution(name)
        found[name] = Version(distribution.version)
        for line in distribution.requires or []:
            needed = Requirement(line)
            if needed.marker is None or any(needed.marker.evaluate({'extra': extra})
                                            for extra in requirement.extras or {''}):
                todo.append(needed)
    return found


def test_declared_floors_are_at_the_fixed_releases_of_known_advisories():
    floors = declared_floors()
    too_low = [(package, str(floors.get(package)), fixed, advisory) for package, fixed, advisory in ADVISORIES
               if package not in floors or floors[package] < Version(fixed)]
    assert too_low == [], 'raise these floors in pyproject.toml'


def test_installed_packages_are_at_or_above_every_fixed_release():
    installed = installed_runtime_packages()
    print(f'\n{len(installed)} runtime packages installed, checked against {len(ADVISORIES)} advisories')
    assert {package for package, _, _ in ADVISORIES} <= installed.keys(), 'an advisory names no runtime package'
    vulnerable = [(package, str(installed[package]), fixed, advisory) for package, fixed, advisory in ADVISORIES
                  if installed[package] < Version(fixed)]
    assert vulnerable == []
