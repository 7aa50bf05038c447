"""What a browser is told: security headers, cookie flags, and live connections only from our own address."""
from __future__ import annotations

import httpx

from app.pages.frame import KIND_STYLESHEETS

from .conftest import Server

SOCKET_HANDSHAKE = '/_nicegui_ws/socket.io/?EIO=4&transport=polling'


def test_pages_carry_security_headers_and_a_safe_cookie(server):
    response = httpx.get(server.url)
    assert response.headers['x-content-type-options'] == 'nosniff'
    assert response.headers['x-frame-options'] == 'DENY'
    assert response.headers['referrer-policy'] == 'no-referrer'
    cookie = response.headers['set-cookie'].lower()
    assert 'httponly' in cookie and 'samesite=lax' in cookie
    assert 'secure' not in cookie  # plain http on a laptop; PUBLIC_URL=https://… adds it


def test_only_the_screen_may_be_framed_and_only_by_our_own_pages(server):
    """The console shows the screen page in a frame (its live miniature); every other page refuses any frame."""
    assert httpx.get(server.url + '/s/no-such-screen').headers['x-frame-options'] == 'SAMEORIGIN'
    assert httpx.get(server.url + '/host/no-such-console').headers['x-frame-options'] == 'DENY'


def test_every_kinds_stylesheet_is_served(server):
    assert {url: httpx.get(server.url + url).status_code for url in KIND_STYLESHEETS} == \
        {url: 200 for url in KIND_STYLESHEETS}


def test_live_connection_is_refused_from_another_origin(server):
    assert httpx.get(server.url + SOCKET_HANDSHAKE, headers={'Origin': server.url}).status_code == 200
    assert httpx.get(server.url + SOCKET_HANDSHAKE, headers={'Origin': 'https://evil.example'}).status_code == 400


def test_cookie_is_secure_and_hsts_sent_behind_https(tmp_path):
    behind_proxy = Server(tmp_path)
    behind_proxy.env['PUBLIC_URL'] = 'https://samenspraak.example.nl'
    behind_proxy.start()
    try:
        response = httpx.get(behind_proxy.url)
    finally:
        behind_proxy.stop()
    assert 'secure' in response.headers['set-cookie'].lower()
    assert response.headers['strict-transport-security'].startswith('max-age=')
