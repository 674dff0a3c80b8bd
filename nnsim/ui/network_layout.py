"""Geometry of the network editor: where nodes, captions and value labels go.

The picture is the lecture's single-layer network: inputs on the left, hidden units in the
middle, outputs on the right, and the bias nodes B1 (feeding the hidden layer) and B2 (feeding
the output layer) under the column they sit in, as the lecture's flowchart ranks them.

The hard part is the labels: nine edges between three inputs and three hidden units (and up to
171 edges in a 9-9-9 network) each carry "w12 = 0.43". Every label slides along its own edge to
a free spot; arrangements (column gap, row spacing, label style) are tried from the one whose
labels would look largest in the view, until one fits with no two labels overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from nnsim.ui.network_items import (LABEL_FONT_PX, LABEL_MARGIN, NODE_RADIUS,
                                    SMALL_LABEL_FONT_PX, label_box)


@dataclass
class Layout:
    """Where everything goes, in scene coordinates, and the scene rectangle that holds it."""

    nodes: dict[str, QPointF]
    label_centers: dict[str, QPointF]
    label_size: tuple[float, float]
    label_font_px: int
    show_values: bool
    hidden_labels: set[str]
    caption_centers: list[QPointF]
    legend_center: QPointF
    scene_rect: QRectF


def node_positions(sizes: tuple[int, int, int], gap: float,
                   spacing: float) -> dict[str, QPointF]:
    """Centres of I1…, H1…, O1… and of the bias nodes B1, B2 for layer ``sizes``.

    Columns are ``gap`` apart and the tallest column's units ``spacing`` apart; shorter columns
    spread out (up to ``SHORT_COLUMN_SPACING``) so their edges fan out rather than bunch. The bias
    nodes share a row under the tallest column, like a last unit of their column.
    """
    span = (max(sizes) - 1) * spacing
    nodes: dict[str, QPointF] = {}
    for column, (prefix, n) in enumerate(zip("IHO", sizes)):
        step = min(span / (n - 1), SHORT_COLUMN_SPACING) if n > 1 else 0.0
        for unit in range(n):
            nodes[f"{prefix}{unit + 1}"] = QPointF(column * gap, (unit - (n - 1) / 2) * step)
    bias_y = span / 2 + max(spacing, 2.4 * NODE_RADIUS)
    nodes["B1"] = QPointF(0.0, bias_y)
    nodes["B2"] = QPointF(gap, bias_y)
    return nodes


def _fraction(unit: str, counts: dict[str, int]) -> float:
    """Preferred place along an edge for a label, staggered by ``unit``'s index in its layer."""
    n = counts[unit[0]]
    if unit[0] == "B" or n == 1:
        return 0.5
    return 0.2 + 0.6 * (int(unit[1:]) - 1) / (n - 1)


def place_labels(nodes: dict[str, QPointF], edges: dict[str, tuple[str, str]],
                 size: tuple[float, float], obstacles: list[QRectF], stagger_by: int = 1,
                 give_up: bool = False) -> tuple[dict[str, QPointF], set[str]]:
    """Greedy label placement: each label slides along its own edge until it hits nothing.

    Labels start at a fraction of the edge that depends on the target unit (``stagger_by=1``:
    edges into H1 near their sources, edges into H3 near their target) or on the source unit
    (``stagger_by=0``), which spreads the nine labels between three inputs and three hidden
    units into a grid; a label that would overlap an earlier one, a node or a caption moves
    along its edge to the nearest free spot. ``give_up`` stops at the first label that has none.

    Returns
    -------
    centres : label centre per placed edge.
    failed : edges for which no free spot was found.
    """
    w, h = size
    placed = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in obstacles],
                      dtype=float).reshape(-1, 4)
    counts: dict[str, int] = {}
    for name in nodes:
        counts[name[0]] = counts.get(name[0], 0) + 1
    fractions = np.arange(0.08, 0.9201, 0.01)
    a = LABEL_MARGIN + 1.5  # air beyond the item's pen margin: neighbours never touch
    centres: dict[str, QPointF] = {}
    failed: set[str] = set()
    for name, ends in edges.items():
        preferred = _fraction(ends[stagger_by], counts)
        ts = fractions[np.argsort(np.abs(fractions - preferred), kind="stable")]
        p0, p1 = nodes[ends[0]], nodes[ends[1]]
        cx = p0.x() + ts * (p1.x() - p0.x())
        cy = p0.y() + ts * (p1.y() - p0.y())
        cand = np.stack([cx - w / 2 - a, cy - h / 2 - a, cx + w / 2 + a, cy + h / 2 + a], axis=1)
        hit = ((cand[:, None, 0] < placed[None, :, 2]) & (cand[:, None, 2] > placed[None, :, 0])
               & (cand[:, None, 1] < placed[None, :, 3]) & (cand[:, None, 3] > placed[None, :, 1]))
        free = np.flatnonzero(~hit.any(axis=1))
        if free.size == 0:
            failed.add(name)
            if give_up:
                break
            continue
        k = free[0]
        centres[name] = QPointF(float(cx[k]), float(cy[k]))
        placed = np.vstack([placed, cand[k]])
    return centres, failed


# The arrangements tried. Label styles: full labels, smaller full labels, names only (values
# then show in the tooltip and the editor; a 9-9-9 network has 171 edges).
LABEL_STYLES = ((LABEL_FONT_PX, True), (SMALL_LABEL_FONT_PX, True), (SMALL_LABEL_FONT_PX, False))
GAPS = (300.0, 340.0, 400.0, 460.0, 520.0, 600.0)
SPACINGS = (62.0, 72.0, 85.0, 100.0, 115.0, 130.0)
SHORT_COLUMN_SPACING = 180.0
NAMES_ONLY_PENALTY = 0.8  # a names-only label counts as this much of a full one
MAX_TRIES = 40
# Labels needing more than this share of the space between two columns never fit (measured
# over 1-9 units per layer: the densest fit found needs 0.33).
HOPELESS = 0.36


class _Arrangement:
    """One candidate: node positions, fixed parts and the label size it would use."""

    def __init__(self, sizes: tuple[int, int, int], gap: float, spacing: float, font_px: int,
                 show_values: bool, caption_sizes: list[tuple[float, float]],
                 legend_size: tuple[float, float], view_size: tuple[float, float]) -> None:
        r = NODE_RADIUS
        self.font_px, self.show_values = font_px, show_values
        self.nodes = nodes = node_positions(sizes, gap, spacing)
        top = min(p.y() for p in nodes.values()) - r
        bottom = max(p.y() for p in nodes.values()) + r
        self.captions = [QPointF(i * gap, top - 12 - caption_sizes[i][1] / 2) for i in range(3)]
        self.legend = QPointF(gap, bottom + 10 + legend_size[1] / 2)
        self.obstacles = [QRectF(p.x() - r - 3, p.y() - r - 3, 2 * r + 6, 2 * r + 6)
                          for p in nodes.values()]
        self.obstacles += [QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
                           for c, (w, h) in zip(self.captions, caption_sizes)]
        self.bounds = QRectF(-r, top, 2 * gap + 2 * r, bottom - top)
        for rect in self.obstacles[-3:]:
            self.bounds |= rect
        self.bounds |= QRectF(self.legend.x() - legend_size[0] / 2,
                              self.legend.y() - legend_size[1] / 2, *legend_size)
        self.bounds.adjust(-12, -12, 12, 12)
        self.label_size = label_box(font_px, show_values)
        # How big a label would look once fitted into the view: the quantity to maximise.
        scale = min(view_size[0] / self.bounds.width(), view_size[1] / self.bounds.height())
        self.score = font_px * scale * (1.0 if show_values else NAMES_ONLY_PENALTY)
        # Labels cannot fit if they need more area than the space between two columns offers.
        gap_area = (gap - 2 * r) * (bottom - top)
        per_gap = max((sizes[0] + 1) * sizes[1], (sizes[1] + 1) * sizes[2])
        self.hopeless = per_gap * self.label_size[0] * self.label_size[1] > HOPELESS * gap_area

    def place(self, edges: dict[str, tuple[str, str]],
              give_up: bool) -> tuple[dict[str, QPointF], set[str]]:
        tries = []
        for stagger_by in (1, 0):
            centres, failed = place_labels(self.nodes, edges, self.label_size, self.obstacles,
                                           stagger_by, give_up)
            if not failed:
                return centres, failed
            tries.append((centres, failed))
        return min(tries, key=lambda t: len(t[1]))

    def layout(self, centres: dict[str, QPointF], failed: set[str]) -> Layout:
        rect = QRectF(self.bounds)
        w, h = self.label_size
        for c in centres.values():
            rect |= QRectF(c.x() - w / 2 - 12, c.y() - h / 2 - 12, w + 24, h + 24)
        return Layout(self.nodes, centres, self.label_size, self.font_px, self.show_values,
                      failed, self.captions, self.legend, rect)


def compute_layout(sizes: tuple[int, int, int], edges: dict[str, tuple[str, str]],
                   caption_sizes: list[tuple[float, float]], legend_size: tuple[float, float],
                   view_size: tuple[float, float]) -> Layout:
    """The arrangement whose labels look largest in a view of ``view_size``, none overlapping.

    A wide, short view gets wide gaps and tight rows, a tall one the opposite; full labels are
    preferred to names only unless names would look much larger.

    Parameters
    ----------
    sizes : units per layer.
    edges : parameter name → (source node, target node), e.g. ``"w12": ("I1", "H2")``.
    caption_sizes : width and height of the three layer captions, left to right.
    legend_size : width and height of the legend under the graph.
    view_size : width and height of the view in pixels.
    """
    spacings = [s for s in SPACINGS if s >= 2 * NODE_RADIUS + 8 or max(sizes) == 1]
    candidates = [_Arrangement(sizes, gap, spacing, font_px, values, caption_sizes,
                               legend_size, view_size)
                  for font_px, values in LABEL_STYLES for gap in GAPS for spacing in spacings]
    # Equal scores (the height limits the scale): roomier first, it is likelier to fit.
    candidates.sort(key=lambda c: (-round(c.score, 1), -c.bounds.width() * c.bounds.height()))
    tries = [c for c in candidates if not c.hopeless][:MAX_TRIES]
    for candidate in tries:
        centres, failed = candidate.place(edges, give_up=True)
        if not failed:
            return candidate.layout(centres, failed)
    # Nothing fits everything: the best names-only arrangement, hiding what finds no spot.
    last = next(c for c in candidates if not c.show_values)
    return last.layout(*last.place(edges, give_up=False))
