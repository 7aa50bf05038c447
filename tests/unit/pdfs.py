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
    (tmp_path / 'kit.pdf').write_bytes(pdf)
    subprocess.run(['pdftoppm', '-r', '150', '-png', '-f', '1', '-l', '1', str(tmp_path / 'kit.pdf'),
                    str(tmp_path / 'page')], check=True)
    page = next(tmp_path.glob('page*.png'))
    return subprocess.run(['zbarimg', '--raw', '-q', str(page)], capture_output=True, text=True,
                          check=True).stdout.strip()


def smallest_type(pdf: bytes, tmp_path) -> float:
    """The size in points of the smallest type: the lowest word box pdftotext finds, over DejaVu's box height."""
    path = tmp_path / 'kit.pdf'
    path.write_bytes(pdf)
    boxes = subprocess.run(['pdftotext', '-bbox', str(path), '-'], capture_output=True, text=True, check=True).stdout
    heights = [float(low) - float(high) for high, low in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                                                                     boxes)]
    return min(heights) / DEJAVU_BOX
