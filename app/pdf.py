"""The A4 document every PDF of ours is: DejaVu Sans embedded (Debian's fonts-dejavu-core: accents, Turkish, Arabic,
€, curly quotes), HarfBuzz text shaping, page numbers, text blocks in a few styles and a QR code. fpdf2 draws it;
the participatieverslag (report.py) and the printed kit (kit.py) say what is on it."""
from __future__ import annotations

from pathlib import Path

import qrcode
from fpdf import FPDF

FONT_DIR = Path('/usr/share/fonts/truetype/dejavu')
FONT = 'DejaVu'
Sizes = dict[str, float]  # points per style
INDENT = {'item': 5, 'detail': 10}  # millimetres


class Document(FPDF):
    def __init__(self, title: str, sizes: Sizes, bold: set[str], language: str = 'nl') -> None:
        super().__init__(format='A4')
        self.sizes, self.bold = sizes, bold
        self.add_font(FONT, '', FONT_DIR / 'DejaVuSans.ttf')
        self.add_font(FONT, 'B', FONT_DIR / 'DejaVuSans-Bold.ttf')
        self.set_title(title)
        self.set_lang(language)
        self.set_text_shaping(True)  # HarfBuzz: Arabic letters joined and right to left, as residents wrote them
        self.set_auto_page_break(True, margin=18)
        self.add_page()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=self.sizes.get('footer', 9))
        self.cell(0, 6, str(self.page_no()), align='C')

    def block(self, style: str, text: str, align: str = 'L') -> None:
        size = self.sizes[style]
        if style in self.bold:
            self.ln(size * 0.25)
        self.set_font(FONT, 'B' if style in self.bold else '', size)
        margin = self.l_margin
        self.set_left_margin(margin + INDENT.get(style, 0))  # every line of the block indented alike
        self.multi_cell(0, size * 0.5, ('• ' if style == 'item' else '') + text, align=align, new_x='LMARGIN',
                        new_y='NEXT')
        self.set_left_margin(margin)
        self.ln(1)

    def qr(self, url: str, width: float) -> None:
        self.image(qrcode.make(url, box_size=10, border=4).get_image(), x=(self.w - width) / 2, w=width,
                   alt_text=url)
        self.ln(2)
