"""Reading a PDF back as a person would: its words (pdftotext), its QR code (pdftoppm and zbarimg), its type size."""
from __future__ import annotations

import re
import subprocess

DEJAVU_BOX = 1.16  # the height of a word's box in DejaVu Sans, in its font size


def text_of(pdf: bytes, tmp_path) -> str:
    """The PDF's words as a reader reads them, lines joined."""
    path = tmp_path / 'kit.pdf'
    path.write_bytes(pdf)
    text = subprocess.run(['pdftotext', str(path), '-'], capture_output=True, text=True, check=True).stdout
    return ' '.join(re.sub('[\u202a-\u202e]', '', text).split())


def qr_of_first_page(pdf: bytes, tmp_path) -> str:
    return qr_codes(pdf, tmp_path, last_page=1)[0]


def qr_codes(pdf: bytes, tmp_path, last_page: int | None = None) -> list[str]:
    """What every QR code on the pages decodes to (pdftoppm, then zbarimg), page by page."""
    (tmp_path / 'kit.pdf').write_bytes(pdf)
    pages = ['-l', str(last_page)] if last_page else []
    subprocess.run(['pdftoppm', '-r', '150', '-png', *pages, str(tmp_path / 'kit.pdf'), str(tmp_path / 'page')],
                   check=True)
    found = []
    for page in sorted(tmp_path.glob('page*.png')):
        decoded = subprocess.run(['zbarimg', '--raw', '-q', str(page)], capture_output=True, text=True)
        found += decoded.stdout.split()  # zbarimg exits 4 on a page without a code
    return found


def smallest_type(pdf: bytes, tmp_path) -> float:
    """The size in points of the smallest type: the lowest word box pdftotext finds, over DejaVu's box height."""
    path = tmp_path / 'kit.pdf'
    path.write_bytes(pdf)
    boxes = subprocess.run(['pdftotext', '-bbox', str(path), '-'], capture_output=True, text=True, check=True).stdout
    heights = [float(low) - float(high) for high, low in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                                                                     boxes)]
    return min(heights) / DEJAVU_BOX
