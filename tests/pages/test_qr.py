"""QR codes made at build time (their decoding from printed pages: test_print.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.pages.qr import qr_svg


def test_the_qr_code_is_a_scalable_named_svg():
    svg = BeautifulSoup(qr_svg("https://example.edu.vn/qcdc/2023-2024/ke-hoach/", 'Mã QR "trang" <b>'), "html.parser").svg
    assert svg["role"] == "img"
    assert svg["aria-label"] == 'Mã QR "trang" <b>'
    assert svg.find("b") is None
    assert svg["viewbox"].startswith("0 0 ") and "width" not in svg.attrs


def test_a_longer_address_makes_a_bigger_code():
    short = qr_svg("https://a.vn/", "x")
    long = qr_svg("https://truong-mau-giao.example.edu.vn/cong-khai/2023-2024/in-ca-nam/", "x")
    size = lambda svg: int(BeautifulSoup(svg, "html.parser").svg["viewbox"].split()[2])  # noqa: E731
    assert size(long) > size(short)
