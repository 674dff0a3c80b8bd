"""Geometry of the network editor: where nodes, captions and value labels go.

The picture is the lecture's single-layer network: inputs on the left, hidden units in the
middle, outputs on the right, and the bias nodes B1 (feeding the hidden layer) and B2 (feeding
the output layer) under the column they sit in, as the lecture's flowchart ranks them.

The layout is made for the view's size in pixels (one scene unit is one pixel on screen), so a
font size here is what a student sees: the columns use the whole width of a wide, short pane
and the rows its height. What varies is the size of the text: label fonts are tried from the
preferred size (times the zoom) down, and the first with which every label finds a free spot on
its own edge wins (full labels while they stay legible, then names only). A label slides along
its edge to the place that crosses the fewest other edges, never with a crossing under its
middle if that can be helped, preferring the source end, where the edges of one unit fan out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from nnsim.ui.network_items import LABEL_FONT_PX, LABEL_MARGIN, NODE_FONT_PX, NODE_RADIUS
from nnsim.ui.network_notes import note_rects
from nnsim.ui.network_text import label_box, node_text_radius

MARGIN = 2.0  # around the whole picture
CHROME_GAP = 2.0  # between the captions, the nodes and the legend
NODE_AIR = 1.0  # at least this much white between two circles of a column (outlines apart)
LABEL_AIR = LABEL_MARGIN + 1.0  # beyond a label's outline: neighbours never touch
MIN_LABEL_PX = 6
MIN_NODE_PX = 8
MIN_NOTE_PX = 8  # the explainer's notes under the inputs: smaller, and they are left out
GAP_MAX = 560.0  # column distance at zoom 1 beyond which lines only get longer, not clearer
SHORT_COLUMN_SPACING = 180.0  # at zoom 1: shorter columns spread out at most this much
FULL_LABEL_MIN_PX = 10  # at zoom 1: smaller full labels give way to larger names only
MAX_TRIES = 36
# Labels needing more than this share of the space between two columns never fit.
HOPELESS = 0.6
SOURCE_END = 0.3  # preferred place along an edge: where one unit's edges have fanned out
DISTANCE_COST = 2.5  # per unit of edge fraction away from SOURCE_END, in crossed edges
# Labels may shrink down to this (at zoom 1; 17 px at a presenter's zoom 1.6) to stay clear of
# crossings: still legible from the back of a lecture hall.
CLEAR_LABEL_MIN_PX = 12
CENTRE_CROSSING_COST = 10.0  # a crossing hidden under the middle of a label confuses most


@dataclass
class Layout:
    """Where everything goes, in scene coordinates (pixels), and the rectangle that holds it."""

    nodes: dict[str, QPointF]
    label_centers: dict[str, QPointF]
    label_size: tuple[float, float]
    label_font_px: int
    show_values: bool
    hidden_labels: set[str]
    caption_centers: list[QPointF]
    legend_center: QPointF
    scene_rect: QRectF
    node_radius: float = NODE_RADIUS
    node_font_px: int = NODE_FONT_PX
    line_scale: float = 1.0
    note_rects: dict[str, QRectF] | None = None  # the explainer's notes, where reserved
    note_font_px: int = 0  # their font: smaller than asked when the rows are close


@dataclass(frozen=True)
class Chrome:
    """The fixed-size text around the graph, in pixels."""

    caption_sizes: tuple[tuple[float, float], ...]
    legend_size: tuple[float, float]
    button_size: float = 26.0
    # The step explainer's notes: (unit or "loss", reserved size) — kept free of labels.
    notes: tuple[tuple[str, tuple[float, float]], ...] = ()
    note_font_px: int = 0  # the font those sizes are for


def node_positions(sizes: tuple[int, int, int], x0: float, gap: float, centre_y: float,
                   pitch: float, short_step: float) -> dict[str, QPointF]:
    """Centres of I1…, H1…, O1… and of the bias nodes B1, B2 for layer ``sizes``.

    Columns are ``gap`` apart and the tallest column's units ``pitch`` apart around
    ``centre_y``; the bias nodes share a row one ``pitch`` under it. Shorter columns spread out
    (steps up to ``short_step``) so their edges fan out rather than bunch; a shorter input or
    hidden column spreads its bias node in with its units, so that B1 (B2) never sits cramped
    under the last unit of a column with room to spare.
    """
    span = (max(sizes) - 1) * pitch
    top, bias_y = centre_y - span / 2, centre_y + span / 2 + pitch
    nodes: dict[str, QPointF] = {}
    for column, (prefix, n) in enumerate(zip("IHO", sizes)):
        x = x0 + column * gap
        if n == max(sizes):
            ys = [top + unit * pitch for unit in range(n)]
        elif prefix == "O":
            step = min(span / (n - 1), max(short_step, pitch)) if n > 1 else 0.0
            ys = [centre_y + (unit - (n - 1) / 2) * step for unit in range(n)]
        else:
            step = min((span + pitch) / n, max(short_step, pitch))
            middle = (top + bias_y - step) / 2  # of the units, the bias node a step below
            ys = [middle + (unit - (n - 1) / 2) * step for unit in range(n)]
        for unit, y in enumerate(ys):
            nodes[f"{prefix}{unit + 1}"] = QPointF(x, y)
    nodes["B1"] = QPointF(x0, bias_y)
    nodes["B2"] = QPointF(x0 + gap, bias_y)
    return nodes


def _segment_hits(boxes: np.ndarray, segs: np.ndarray) -> np.ndarray:
    """Which segments (m×4: x1 y1 x2 y2) pass through which boxes (n×4: l t r b): n×m bool.

    Separating axes: the boxes' x and y extents, and the segment's normal.
    """
    l, t, r, b = (boxes[:, None, i] for i in range(4))
    x1, y1, x2, y2 = (segs[None, :, i] for i in range(4))
    near = ((np.minimum(x1, x2) < r) & (np.maximum(x1, x2) > l)
            & (np.minimum(y1, y2) < b) & (np.maximum(y1, y2) > t))
    nx, ny = y1 - y2, x2 - x1
    dist = np.abs(nx * ((l + r) / 2 - x1) + ny * ((t + b) / 2 - y1))
    return near & (dist < np.abs(nx) * (r - l) / 2 + np.abs(ny) * (b - t) / 2)


def _crossings(segs: np.ndarray, i: int) -> np.ndarray:
    """Fractions along segment ``i`` where other segments cross it (shared ends left out)."""
    p, d = segs[i, :2], segs[i, 2:] - segs[i, :2]
    q, e = segs[:, :2], segs[:, 2:] - segs[:, :2]
    denom = d[0] * e[:, 1] - d[1] * e[:, 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = ((q[:, 0] - p[0]) * e[:, 1] - (q[:, 1] - p[1]) * e[:, 0]) / denom
        u = ((q[:, 0] - p[0]) * d[1] - (q[:, 1] - p[1]) * d[0]) / denom
    inside = (np.abs(denom) > 1e-9) & (t > 1e-6) & (t < 1 - 1e-6) & (u > 1e-6) & (u < 1 - 1e-6)
    return t[inside]


class LabelPlacer:
    """Places the labels of one network, at one label size, on their own edges.

    Every label's candidate spots along its edge and what each costs are worked out once, so
    trying several orders is cheap. The cost counts the other edges a label would cover, adds
    up to ``CENTRE_CROSSING_COST`` for a crossing hidden under it (the more, the nearer its
    middle) and ``DISTANCE_COST`` per unit of edge away from ``SOURCE_END``, where one unit's
    edges have fanned out. ``strict`` rules out every spot with a crossing near its middle: such
    a label could be for either edge.
    """

    def __init__(self, nodes: dict[str, QPointF], edges: dict[str, tuple[str, str]],
                 size: tuple[float, float], obstacles: list[QRectF],
                 strict: bool = False) -> None:
        self.names = list(edges)
        self.size, self.strict = size, strict
        self.segs = np.array([[nodes[a].x(), nodes[a].y(), nodes[b].x(), nodes[b].y()]
                              for a, b in edges.values()], dtype=float).reshape(-1, 4)
        self.obstacles = np.array([[r.left(), r.top(), r.right(), r.bottom()]
                                   for r in obstacles], dtype=float).reshape(-1, 4)
        self._spots: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.cost = 0.0  # of the last placement: the sum of its labels' costs

    def spots(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Candidate centres (n×2), boxes with air (n×4) and costs (n) of label ``i``."""
        if i not in self._spots:
            (w, h), a, segs = self.size, LABEL_AIR, self.segs
            x1, y1, x2, y2 = segs[i]
            length = float(np.hypot(x2 - x1, y2 - y1))
            ts = np.linspace(0.06, 0.94, int(np.clip(length / 2.5, 24, 240)))
            centres = np.stack([x1 + ts * (x2 - x1), y1 + ts * (y2 - y1)], axis=1)
            boxes = np.hstack([centres - (w / 2, h / 2), centres + (w / 2, h / 2)])
            # Only edges that come near this one can cross its label.
            others = np.ones(len(segs), dtype=bool)
            others[i] = False
            lo, hi = boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)
            nearby = segs[others & (np.minimum(segs[:, 0], segs[:, 2]) < hi[0])
                          & (np.maximum(segs[:, 0], segs[:, 2]) > lo[0])
                          & (np.minimum(segs[:, 1], segs[:, 3]) < hi[1])
                          & (np.maximum(segs[:, 1], segs[:, 3]) > lo[1])]
            cost = _segment_hits(boxes, nearby).sum(axis=1).astype(float)
            crossing = _crossings(segs, i)
            if crossing.size and length > 0:
                # A crossing under a label reads as "this label is for both edges", the more so
                # the nearer its middle.
                near = np.abs(ts[:, None] - crossing[None, :]) * length / (w / 2 + 2)
                cost += CENTRE_CROSSING_COST * np.clip(1 - near, 0, None).sum(axis=1)
                if self.strict:
                    cx, cy = x1 + crossing * (x2 - x1), y1 + crossing * (y2 - y1)
                    cost[((np.abs(cx[None, :] - centres[:, :1]) <= w / 4 + 2)
                          & (np.abs(cy[None, :] - centres[:, 1:]) <= h / 2 + a)).any(axis=1)] = np.inf
            cost += DISTANCE_COST * np.abs(ts - SOURCE_END)
            self._spots[i] = (centres, boxes + (-a, -a, a, a), cost)
        return self._spots[i]

    def place(self, order: list[int] | None = None,
              give_up: bool = False) -> tuple[dict[str, QPointF], set[str]]:
        """Greedy placement in ``order``: each label takes its cheapest free spot.

        A label with no free spot may push one placed label to another free spot of its own.
        ``give_up`` stops at the first label that cannot be placed even so.

        Returns
        -------
        centres : label centre per placed edge.
        failed : edges for which no free spot was found.
        """
        boxes = list(self.obstacles)
        owner = [-1] * len(boxes)  # which label a box belongs to (-1: a node, caption…)
        chosen: dict[int, int] = {}
        failed: set[str] = set()
        for i in order if order is not None else range(len(self.names)):
            _, cand, cost = self.spots(i)
            hit = _overlaps(cand, np.array(boxes).reshape(-1, 4))
            free = np.flatnonzero(~hit.any(axis=1) & np.isfinite(cost))
            if free.size:
                k = int(free[np.argmin(cost[free])])
            else:
                k = self._push(i, hit, boxes, owner, chosen)
                if k < 0:
                    failed.add(self.names[i])
                    if give_up:
                        break
                    continue
            chosen[i] = k
            boxes.append(cand[k])
            owner.append(i)
        self.cost = sum(float(self.spots(i)[2][k]) for i, k in chosen.items())
        centres = {self.names[i]: QPointF(*self.spots(i)[0][k]) for i, k in chosen.items()}
        return centres, failed

    def _push(self, i: int, hit: np.ndarray, boxes: list[np.ndarray], owner: list[int],
              chosen: dict[int, int]) -> int:
        """Free a spot for label ``i`` by moving the one label blocking it; -1 if none can."""
        _, cand, cost = self.spots(i)
        single = np.flatnonzero((hit.sum(axis=1) == 1) & np.isfinite(cost))
        for k in single[np.argsort(cost[single], kind="stable")][:40]:
            row = int(np.flatnonzero(hit[k])[0])
            j = owner[row]
            if j < 0:
                continue
            _, cand_j, cost_j = self.spots(j)
            rest = np.array(boxes[:row] + boxes[row + 1:] + [cand[k]]).reshape(-1, 4)
            free = np.flatnonzero(~_overlaps(cand_j, rest).any(axis=1) & np.isfinite(cost_j))
            if free.size:
                chosen[j] = int(free[np.argmin(cost_j[free])])
                boxes[row] = cand_j[chosen[j]]
                return int(k)
        return -1


def _overlaps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Which boxes of ``a`` (n×4: l t r b) overlap which of ``b`` (m×4): n×m bool."""
    return ((a[:, None, 0] < b[None, :, 2]) & (a[:, None, 2] > b[None, :, 0])
            & (a[:, None, 1] < b[None, :, 3]) & (a[:, None, 3] > b[None, :, 1]))


class _Frame:
    """Node positions and fixed parts for one view size and one node size."""

    def __init__(self, sizes: tuple[int, int, int], view: tuple[float, float], chrome: Chrome,
                 zoom: float) -> None:
        width, height = view
        caption_h = max(h for _, h in chrome.caption_sizes)
        row = max(caption_h, chrome.button_size)
        legend_w, legend_h = chrome.legend_size
        area = height - 2 * MARGIN - row - legend_h - 2 * CHROME_GAP
        pitches = max(sizes)  # the tallest column's gaps plus the step down to the bias row
        # Node names as large as the zoom asks, unless the rows leave no room for the circles.
        r_cap = (area - pitches * NODE_AIR) / (2 * pitches + 2)
        font = max(MIN_NODE_PX, round(NODE_FONT_PX * zoom))
        while font > MIN_NODE_PX and node_text_radius(font) > r_cap:
            font -= 1
        self.node_font_px = font
        self.radius = r = max(node_text_radius(font), min(NODE_RADIUS / NODE_FONT_PX * font, r_cap))
        self.line_scale = zoom * min(1.0, max(0.45, r / (NODE_RADIUS * zoom)))
        pitch = max(2 * r + NODE_AIR, min((area - 2 * r) / pitches, 3 * (2 * r + NODE_AIR)))
        block = pitches * pitch + 2 * r
        # Captions, nodes and legend stay together, centred if the rows could not use it all.
        top = max(MARGIN, (height - (row + block + legend_h + 2 * CHROME_GAP)) / 2)
        node_top = top + row + CHROME_GAP
        left = MARGIN + max(r, chrome.caption_sizes[0][0] / 2)
        right = width - MARGIN - max(r, chrome.caption_sizes[2][0] / 2)
        gap = max(4 * r, min((right - left) / 2, GAP_MAX * zoom))
        x0 = (left + right) / 2 - gap
        centre_y = node_top + r + (max(sizes) - 1) * pitch / 2
        self.nodes = node_positions(sizes, x0, gap, centre_y, pitch,
                                    SHORT_COLUMN_SPACING * zoom)
        self.captions = [QPointF(x0 + i * gap, top + row / 2) for i in range(3)]
        self.legend = QPointF(x0 + gap, node_top + block + CHROME_GAP + legend_h / 2)
        pad = r + 0.5  # the circle's bounding square: a label never touches even its corner
        self.obstacles = [QRectF(p.x() - pad, p.y() - pad, 2 * pad, 2 * pad)
                          for p in self.nodes.values()]
        self.obstacles += [QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
                           for c, (w, h) in zip(self.captions, chrome.caption_sizes)]
        button = chrome.button_size
        hidden_w = chrome.caption_sizes[1][0]
        self.obstacles.append(QRectF(self.captions[1].x() - hidden_w / 2 - button - 8,
                                     self.captions[1].y() - button / 2,
                                     hidden_w + 2 * button + 16, button))
        self.obstacles.append(QRectF(self.legend.x() - legend_w / 2,
                                     self.legend.y() - legend_h / 2, legend_w, legend_h))
        # Notes beside a column's units must not run into each other: as tall as a row at most;
        # an input's note goes between two inputs, or (no room there) is left out.
        tallest = max((h for name, (_, h) in chrome.notes if name[:1] in "HO"), default=0.0)
        fit = min(1.0, (pitch - 2) / tallest) if tallest else 1.0
        under = max((h for name, (_, h) in chrome.notes if name[:1] == "I"), default=0.0)
        room = pitch - 2 * r - 2
        notes = chrome.notes
        if under and room * chrome.note_font_px < MIN_NOTE_PX * under:
            notes = tuple(note for note in notes if note[0][:1] != "I")
        elif under:
            fit = min(fit, room / under)
        self.note_font_px = max(MIN_NOTE_PX, int(chrome.note_font_px * fit))
        notes = tuple((name, (w * fit, h * fit)) for name, (w, h) in notes)
        self.note_rects = note_rects(self.nodes, r, notes)
        self.obstacles += list(self.note_rects.values())
        self.bounds = QRectF(0, 0, width, height)
        for rect in self.obstacles:
            self.bounds |= rect
        # What the labels between two columns have to share (for a quick "cannot fit").
        self.gap_area = (gap - 2 * r) * (block - 2 * r)
        self.gap = gap


def _hopeless(frame: _Frame, sizes: tuple[int, int, int], size: tuple[float, float]) -> bool:
    per_gap = max((sizes[0] + 1) * sizes[1], (sizes[1] + 1) * sizes[2])
    return (size[0] > frame.gap - 2 * frame.radius
            or per_gap * (size[0] + 2 * LABEL_AIR) * (size[1] + 2 * LABEL_AIR)
            > HOPELESS * frame.gap_area)


def _layout(frame: _Frame, font_px: int, show_values: bool, centres: dict[str, QPointF],
            failed: set[str]) -> Layout:
    size = label_box(font_px, show_values)
    rect = QRectF(frame.bounds)
    for c in centres.values():
        rect |= QRectF(c.x() - size[0] / 2 - 2, c.y() - size[1] / 2 - 2, size[0] + 4,
                       size[1] + 4)
    return Layout(frame.nodes, centres, size, font_px, show_values, failed, frame.captions,
                  frame.legend, rect, frame.radius, frame.node_font_px, frame.line_scale,
                  frame.note_rects, frame.note_font_px)


def _orders(nodes: dict[str, QPointF], edges: dict[str, tuple[str, str]]) -> list[list[int]]:
    """Orders to place labels in: a greedy placement that fails in one often fits in another."""
    ends = list(edges.values())
    lengths = [(nodes[a] - nodes[b]).manhattanLength() for a, b in ends]
    natural = list(range(len(ends)))
    return [natural, sorted(natural, key=lambda i: lengths[i]), natural[::-1]]


def compute_layout(sizes: tuple[int, int, int], edges: dict[str, tuple[str, str]],
                   chrome: Chrome, view_size: tuple[float, float],
                   zoom: float = 1.0) -> Layout:
    """The largest labels (up to the preferred size × ``zoom``) that fit, none overlapping.

    Full labels ("w12 = 0.43") win while they can be at least ``FULL_LABEL_MIN_PX`` × ``zoom``
    pixels; below that, names only ("w12", the value in the tooltip) as large as they fit. Edge
    labels always stay smaller than the node names.

    Parameters
    ----------
    sizes : units per layer.
    edges : parameter name → (source node, target node), e.g. ``"w12": ("I1", "H2")``.
    chrome : sizes of the captions, the legend and the +/− buttons, in pixels.
    view_size : width and height of the view in pixels.
    zoom : 1.0 is the normal size; fonts, circles and lines grow with it.
    """
    # Too small a view for every label even at the smallest size: lay out for a larger one
    # and let the view scale it down (tiny, but every label stays on its edge and clickable).
    for enlarge in (1.0, 1.3, 1.7, 2.2):
        frame = _Frame(sizes, (view_size[0] * enlarge, view_size[1] * enlarge), chrome, zoom)
        layout = _search(frame, sizes, edges, zoom)
        if layout is not None:
            return layout
    # Nothing fits everything: the smallest names, hiding what finds no spot.
    placer = LabelPlacer(frame.nodes, edges, label_box(MIN_LABEL_PX, False), frame.obstacles)
    centres, failed = placer.place()
    return _layout(frame, MIN_LABEL_PX, False, centres, failed)


def _search(frame: _Frame, sizes: tuple[int, int, int], edges: dict[str, tuple[str, str]],
            zoom: float) -> Layout | None:
    """The largest label style that fits in ``frame``, or None.

    While the labels are near their preferred size, a layout whose labels all stay clear of
    crossings wins over a larger one where some label hides a crossing under its middle.
    """
    largest = max(MIN_LABEL_PX, min(round(LABEL_FONT_PX * zoom), frame.node_font_px - 1,
                                     round(0.87 * frame.node_font_px)))
    full_min = max(MIN_LABEL_PX, round(FULL_LABEL_MIN_PX * zoom))
    clear_from = round(CLEAR_LABEL_MIN_PX * zoom ** 0.7)
    orders = _orders(frame.nodes, edges)
    tries, unclear = 0, None
    for values, lowest in ((True, full_min), (False, MIN_LABEL_PX)):
        for font_px in range(largest, lowest - 1, -1):
            size = label_box(font_px, values)
            strictness: tuple[bool, ...] = ((True, False) if font_px >= max(lowest, clear_from)
                                            else (False,))
            if unclear is not None:  # smaller than a fit: only a clear one beats it
                strictness = (True,) if font_px >= max(lowest, clear_from) else ()
            for strict in strictness if not _hopeless(frame, sizes, size) else ():
                placer = LabelPlacer(frame.nodes, edges, size, frame.obstacles, strict)
                fits: list[tuple[float, int, dict[str, QPointF]]] = []
                for order in orders:
                    centres, failed = placer.place(order, give_up=True)
                    if not failed:
                        fits.append((placer.cost, len(fits), centres))
                    tries += bool(failed)
                if fits:  # of the placements that fit, the least confusing
                    layout = _layout(frame, font_px, values, min(fits)[2], set())
                    if strict:
                        return layout
                    unclear = layout
                    break
            if unclear is not None and font_px - 1 < max(lowest, clear_from):
                return unclear
            if tries >= MAX_TRIES:
                return unclear
    return unclear
