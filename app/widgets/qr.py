"""The QR block for the projector: a large QR code with the address it encodes written out beside it."""
from __future__ import annotations

import base64
import io

import qrcode
from nicegui import ui


def qr_data_url(url: str) -> str:
    image = qrcode.make(url, box_size=12, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return 'data:image/png;base64,' + base64.b64encode(buffer.getvalue()).decode()


def qr_image(url: str, alt: str) -> ui.image:
    return ui.image(qr_data_url(url)).props(f'alt="{alt}" no-spinner no-transition data-testid=qr').classes('qr')
