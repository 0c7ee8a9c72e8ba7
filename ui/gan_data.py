"""The GAN lab's data choice: a bundled toy set, the viewer's own blobs (clicked on the plane, kept
in the URL), or an uploaded CSV of points (checked; a bad file is named and the last good one kept)."""

from __future__ import annotations

import hashlib

import numpy as np
import streamlit as st

from core import toy_data
from ui import controls, loaders
from ui.i18n import t

BLOBS = "gl_blobs"  # URL: "x,y;x,y;…" (one decimal), the viewer's blobs
UPLOADED = "gl_uploaded"  # session: (Mixture, digest, file name) of the last good upload
DEFAULT_BLOBS = ((-1.0, -1.0), (1.0, -1.0), (0.0, 1.2))


def choose(key: str, defaults: dict) -> tuple[toy_data.Mixture, str]:
    """The sidebar's data choice; returns the data and an id that changes whenever the data does."""
    name = controls.selectbox(key, defaults, "gan_lab.data", list(toy_data.NAMES),
                              lambda option: t(f"gan_lab.data_name.{option}"))
    if name == "blobs":
        points = blob_points()
        st.sidebar.caption(t("gan_lab.blobs_caption", count=len(points), most=toy_data.MAX_BLOBS))
        undo, clear = st.sidebar.columns(2)
        undo.button(t("gan_lab.blobs_undo"), on_click=_set_blobs, args=(points[:-1],), disabled=len(points) <= 1,
                    width="stretch")
        clear.button(t("gan_lab.blobs_default"), on_click=_set_blobs, args=(list(DEFAULT_BLOBS),), width="stretch")
        return toy_data.blobs(points), "blobs:" + _encode(points)
    if name == "upload":
        return _uploaded()
    return loaders.toy_data_set(name), name


def blob_points() -> list[tuple[float, float]]:
    """The blobs in the URL; an unreadable or empty value falls back to the default three."""
    points = []
    for pair in st.query_params.get(BLOBS, "").split(";"):
        try:
            x, y = (float(v) for v in pair.split(","))
        except ValueError:
            continue
        if np.isfinite([x, y]).all():
            points.append((float(np.clip(x, -toy_data.BLOB_LIMIT, toy_data.BLOB_LIMIT)),
                           float(np.clip(y, -toy_data.BLOB_LIMIT, toy_data.BLOB_LIMIT))))
    return points[:toy_data.MAX_BLOBS] or list(DEFAULT_BLOBS)


def add_blob(point: tuple[float, float]) -> None:
    points = blob_points()
    if len(points) < toy_data.MAX_BLOBS:
        _set_blobs([*points, (round(point[0], 1), round(point[1], 1))])


def _set_blobs(points: list) -> None:
    st.query_params[BLOBS] = _encode(points)


def _encode(points) -> str:
    return ";".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _uploaded() -> tuple[toy_data.Mixture, str]:
    file = st.sidebar.file_uploader(t("gan_lab.upload"), type=["csv", "txt"], key="gl_upload",
                                    help=t("gan_lab.upload_help", most=f"{toy_data.MAX_UPLOAD_POINTS:,}"))
    if file is not None:
        raw = file.getvalue()
        digest = hashlib.sha256(raw).hexdigest()[:16]
        kept = st.session_state.get(UPLOADED)
        if kept is None or kept[1] != digest:
            try:
                st.session_state[UPLOADED] = (toy_data.from_csv(raw), digest, file.name)
            except toy_data.UploadError as error:
                st.sidebar.error(t(f"gan_lab.upload_error.{error.reason}", **error.details))
    kept = st.session_state.get(UPLOADED)
    if kept is None:
        st.sidebar.info(t("gan_lab.upload_waiting"))
        return loaders.toy_data_set("ring"), "ring"
    st.sidebar.caption(t("gan_lab.upload_using", name=kept[2], count=f"{len(kept[0].centres):,}"))
    return kept[0], "upload:" + kept[1]
