"""Where the landscape figure's parts go: its ranges, the arrows, the tangent, the labels.

Plain arithmetic on a :class:`GradientStepFigure` and on pixel positions (no Qt), so it is easy
to test and to reason about after a divergence, when losses reach 1e48 and weights 1e17.
Pixel rectangles are ``(left, top, right, bottom)``, y growing downwards as on screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.landscape import GradientStepFigure

Y_QUANTILE = 0.85  # the curve's top edge may be a 1e6 spike: scale to most of it, not all …
FULL_CURVE_FACTOR = 4.0  # … unless the whole curve fits in this many times that range
POINT_SPAN_CAP = 10.0  # and never more than this many times the marked points' own scale
TANGENT_X_FRACTION = 0.12  # half-length of the tangent, as a share of the x range …
TANGENT_Y_FRACTION = 0.22  # … shortened so it never rises more than this share of the y range
RANGE_TOLERANCE = 0.02  # share of the shown span a range may drift before the view follows
ARROW_MIN_PX = 8  # steps shorter than this on screen get no arrow head
TRAIL_ARROW_PX = 18  # tiny steps are grouped until their chord is this long before one head
SAMPLE_PX = 4.0  # the curve is an obstacle for labels every this many pixels along it
MAX_SAMPLES_PER_SEGMENT = 400  # a segment to 1e17 is cut into this many samples, not 1e17
OUTSIDE_PENALTY = 20000.0  # per share of a label's area outside the view: never cut off
ORDER_PENALTY = 0.3  # per candidate: the nearer, earlier positions are preferred

Rect = tuple[float, float, float, float]
# (x, y, anchor x, anchor y) in pixels, and optionally a cost for going there (farther away)
Candidate = tuple[float, ...]
RING_COST = (0.0, 8.0, 20.0)  # a label one, two, three rings away from its point
FALLBACK_COST = 30.0  # a label in a corner, far from what it names
FULL_WORDS_COST = 25.0  # the lecture's fuller words only where they fit this well
Array = NDArray[np.float64]


def landscape_y_range(figure: GradientStepFigure,
                      extra: Sequence[tuple[float, float]] = ()) -> tuple[float, float] | None:
    """A loss range that shows the curve's shape and the marked points, ignoring edge spikes.

    Parameters
    ----------
    figure : the figure to show.
    extra : further ``(value, loss)`` points, included only if they do not more than double
        the range (the initial point may sit far above today's curve, since the other weights
        have moved).

    Returns
    -------
    (low, high), padded, or None if the curve has no finite value.

    Only points within the curve's weight range count: after a divergence the new weight may
    lie 1e17 away with a loss of 1e48.
    """
    x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])

    def in_view(value: float, loss: float) -> bool:
        return math.isfinite(loss) and x_lo <= value <= x_hi

    losses = figure.losses[np.isfinite(figure.losses)]
    points = [loss for value, loss in ((figure.current_value, figure.current_loss),
                                       (figure.new_value, figure.new_loss),
                                       (figure.minimum_value, figure.minimum_loss))
              if in_view(value, loss)]
    if losses.size == 0 and not points:
        return None
    curve_low = [float(losses.min())] if losses.size else []
    curve_high = [float(np.quantile(losses, Y_QUANTILE))] if losses.size else []
    low, high = min(curve_low + points), max(curve_high + points)
    if losses.size and float(losses.max()) - low <= FULL_CURVE_FACTOR * max(high - low, 1e-12):
        high = max(high, float(losses.max()))  # no spike: show the whole curve
    if points:
        # After a divergence most of the curve may be astronomically high (1e48): then the
        # quantile is too, and the marked points decide.
        top = max(points)
        high = max(top, min(high, top + POINT_SPAN_CAP * max(abs(top), top - low)))
    for value, loss in extra:
        if in_view(value, loss) and loss - low <= 2.0 * max(high - low, 1e-12):
            low, high = min(low, loss), max(high, loss)
    span = high - low
    if span <= 0:
        span = max(abs(high), 1.0) * 0.1
    return low - 0.08 * span, high + 0.12 * span


def step_end(figure: GradientStepFigure) -> tuple[float, float]:
    """Where the step arrow ends: the new point, or where the step leaves the curve's range.

    An overshooting step (a learning rate far too high) can land 1e17 weight units away; a line
    drawn to there loses all precision, so it is cut at the edge of the view.
    """
    x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])
    cx, cy, nx, ny = figure.current_value, figure.current_loss, figure.new_value, figure.new_loss
    if x_lo <= nx <= x_hi or nx == cx:
        return nx, ny
    edge = x_hi if nx > x_hi else x_lo
    if not math.isfinite(ny):
        return edge, cy
    return edge, cy + (edge - cx) / (nx - cx) * (ny - cy)


def tangent_segment(figure: GradientStepFigure, y_span: float,
                    x_fraction: float = TANGENT_X_FRACTION,
                    y_fraction: float = TANGENT_Y_FRACTION) -> tuple[list[float], list[float]]:
    """The tangent at the current point: long enough to read its tilt, short enough to stay near
    the point (at most ``x_fraction`` of the x range either side, and rising at most
    ``y_fraction`` of ``y_span``)."""
    half = x_fraction * (float(figure.values[-1]) - float(figure.values[0]))
    if figure.slope != 0 and math.isfinite(figure.slope):
        half = min(half, y_fraction * y_span / abs(figure.slope))
    cx, cy, slope = figure.current_value, figure.current_loss, figure.slope
    return [cx - half, cx + half], [cy - slope * half, cy + slope * half]


def offview_note(value: float, loss: float, x_range: tuple[float, float],
                 y_range: tuple[float, float] | None
                 ) -> tuple[str, tuple[float, float], tuple[float, float]] | None:
    """Where to say that a point lies outside the view: ``(arrows, position, anchor)``.

    The arrows point where the point went (e.g. ``"←↑"``); the position is the point pulled
    into the view; the anchor puts the text on the side facing into the view, so it is never
    cut off. None if the point is inside the view (or not finite).
    """
    if y_range is None or not (math.isfinite(loss) and math.isfinite(value)):
        return None
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    arrows = ("←" if value < x_lo else "→" if value > x_hi else "") + (
        "↑" if loss > y_hi else "↓" if loss < y_lo else "")
    if not arrows:
        return None
    x, y = min(max(value, x_lo), x_hi), min(max(loss, y_lo), y_hi)
    where = (x - x_lo) / max(x_hi - x_lo, 1e-300)
    anchor_x = 0.0 if where < 0.25 else 1.0 if where > 0.75 else 0.5
    anchor_y = 0.0 if loss > y_hi else 1.0 if loss < y_lo else 0.5
    return arrows, (x, y), (anchor_x, anchor_y)


def range_moved(shown: tuple[tuple[float, float], ...] | None,
                new: tuple[tuple[float, float], ...], tolerance: float = RANGE_TOLERANCE) -> bool:
    """Whether ``new`` (x and y ranges) differs visibly from ``shown``: by more than
    ``tolerance`` of the shown span at either end of either axis."""
    if shown is None:
        return True
    return any(abs(n - o) > tolerance * (old[1] - old[0])
               for old, pair in zip(shown, new) for o, n in zip(old, pair))


def arrow_on_screen(start: tuple[float, float], end: tuple[float, float],
                    min_length: float = ARROW_MIN_PX) -> tuple[float, float] | None:
    """``(angle in degrees, length)`` of an arrow from ``start`` to ``end`` in pixels, or None
    if it is shorter than ``min_length``: a head longer than the step would stick out behind
    the current point, pointing the wrong way at a glance."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < min_length:
        return None
    return math.degrees(math.atan2(dy, dx)), length


def shade_levels(n: int, shades: int) -> list[int]:
    """Which of ``shades`` shades (faint to strong) each of ``n`` trail dots gets, oldest first;
    a lone dot gets the strongest."""
    if n <= 1:
        return [shades - 1] * n
    return np.linspace(0, shades - 1, n).round().astype(int).tolist()


def to_pixels(xs: ArrayLike, ys: ArrayLike, x_range: tuple[float, float],
              y_range: tuple[float, float], rect: Rect) -> tuple[Array, Array]:
    """Data coordinates to pixels of the view ``rect`` showing ``x_range`` × ``y_range``."""
    left, top, right, bottom = rect
    with np.errstate(all="ignore"):
        px = left + (np.asarray(xs, float) - x_range[0]) / (x_range[1] - x_range[0]) * (
            right - left)
        py = bottom - (np.asarray(ys, float) - y_range[0]) / (y_range[1] - y_range[0]) * (
            bottom - top)
    return px, py


def from_pixels(px: float, py: float, x_range: tuple[float, float],
                y_range: tuple[float, float], rect: Rect) -> tuple[float, float]:
    """Pixels of the view ``rect`` back to data coordinates (the inverse of :func:`to_pixels`)."""
    left, top, right, bottom = rect
    return (x_range[0] + (px - left) / (right - left) * (x_range[1] - x_range[0]),
            y_range[0] + (bottom - py) / (bottom - top) * (y_range[1] - y_range[0]))


def polyline_samples(px: ArrayLike, py: ArrayLike, rect: Rect,
                     spacing: float = SAMPLE_PX) -> Array:
    """Points every ``spacing`` pixels along the polyline (NaN breaks it), inside ``rect``:
    an (N, 2) array, the curve as an obstacle for the labels."""
    x, y = np.asarray(px, float), np.asarray(py, float)
    x, y = np.where(np.isfinite(x), x, np.nan), np.where(np.isfinite(y), y, np.nan)
    ok = np.isfinite(x[:-1]) & np.isfinite(y[:-1]) & np.isfinite(x[1:]) & np.isfinite(y[1:])
    x0, y0, dx, dy = x[:-1][ok], y[:-1][ok], np.diff(x)[ok], np.diff(y)[ok]
    if x0.size == 0:
        finite = np.isfinite(x) & np.isfinite(y)
        return np.column_stack([x[finite], y[finite]])
    n = np.clip(np.ceil(np.hypot(dx, dy) / spacing), 1, MAX_SAMPLES_PER_SEGMENT).astype(int)
    index = np.repeat(np.arange(n.size), n)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / n[index]
    points = np.column_stack([x0[index] + t * dx[index], y0[index] + t * dy[index]])
    left, top, right, bottom = rect
    inside = ((points[:, 0] >= left - spacing) & (points[:, 0] <= right + spacing)
              & (points[:, 1] >= top - spacing) & (points[:, 1] <= bottom + spacing))
    return points[inside]


def trail_arrows(px: ArrayLike, py: ArrayLike, max_arrows: int,
                 min_px: float = TRAIL_ARROW_PX,
                 ahead: float = 0.0) -> list[tuple[float, float, float]]:
    """Arrow heads along the run's path, newest first: ``(x, y, angle in degrees)`` in pixels.

    Each head sits in the middle of one step, pointing the way the run went (its tip ``ahead``
    pixels past the middle, so that a head of twice that length is centred on it); steps
    shorter than ``min_px`` on screen are grouped with older ones until the group's chord is
    that long (a crawl of tiny steps gets a head every ``min_px`` or so, not one per step).
    """
    x, y = np.asarray(px, float), np.asarray(py, float)
    arrows: list[tuple[float, float, float]] = []
    end = x.size - 1
    start = end - 1
    while start >= 0 and len(arrows) < max_arrows:
        if not all(math.isfinite(v) for v in (x[start], y[start], x[end], y[end])):
            end, start = start, start - 1
            continue
        dx, dy = x[end] - x[start], y[end] - y[start]
        length = math.hypot(dx, dy)
        if length >= min_px:
            arrows.append((0.5 * (x[start] + x[end]) + ahead * dx / length,
                           0.5 * (y[start] + y[end]) + ahead * dy / length,
                           math.degrees(math.atan2(dy, dx))))
            end = start
        start -= 1
    return arrows


def around(x: float, y: float, gap: float) -> list[Candidate]:
    """Positions for a label next to a marker at ``(x, y)`` with radius + spacing ``gap``: right,
    left, above, below, the four diagonals, then the same farther out (the nearer first)."""
    out: list[Candidate] = []
    for reach, cost in zip((gap, 2.2 * gap, 3.5 * gap), RING_COST, strict=True):
        d = 0.75 * reach
        out += [(x + reach, y, 0.0, 0.5, cost), (x - reach, y, 1.0, 0.5, cost),
                (x, y - reach, 0.5, 1.0, cost), (x, y + reach, 0.5, 0.0, cost),
                (x + d, y - d, 0.0, 1.0, cost), (x - d, y - d, 1.0, 1.0, cost),
                (x + d, y + d, 0.0, 0.0, cost), (x - d, y + d, 1.0, 0.0, cost)]
    return out


def view_corners(rect: Rect, inset: float, side: int = 0) -> list[Candidate]:
    """Positions for a note inside the view: the top corners and middle, then the bottom ones;
    ``side`` −1 or +1 keeps to that side (a note about what lies to the left, on the left)."""
    left, top, right, bottom = rect
    xs = {-1: (left + inset, 0.0), 0: (0.5 * (left + right), 0.5), 1: (right - inset, 1.0)}
    sides = (side,) if side else (-1, 0, 1)
    return [(xs[s][0], y, xs[s][1], anchor_y) for y, anchor_y in ((top + inset, 0.0),
                                                                   (bottom - inset, 1.0))
            for s in sides]


def view_grid(rect: Rect, inset: float, steps: int = 5) -> list[Candidate]:
    """Positions for a large note anywhere along the view's top and bottom edges and a quarter
    of the way in, ``steps`` across: the corners first, then the rest."""
    left, top, right, bottom = rect
    spots = [(left + inset + i / (steps - 1) * (right - left - 2 * inset), i / (steps - 1))
             for i in range(steps)]
    height = bottom - top
    rows = [(top + inset, 0.0), (bottom - inset, 1.0), (top + 0.25 * height, 0.0),
            (bottom - 0.25 * height, 1.0)]
    return view_corners(rect, inset) + [(x, y, ax, ay) for y, ay in rows for x, ax in spots]


@dataclass(frozen=True)
class LabelRequest:
    """A label to place: its size in pixels, where it may go (preferred first) and how much
    it minds being covered by the labels placed after it."""

    width: float
    height: float
    candidates: Sequence[Candidate]
    weight: float = 10000.0


def candidate_rect(candidate: Candidate, width: float, height: float) -> Rect:
    """The pixel rectangle of a ``width`` × ``height`` label placed at ``candidate``."""
    x, y, ax, ay = candidate[:4]
    return x - ax * width, y - ay * height, x - ax * width + width, y - ay * height + height


def best_place(request: LabelRequest, view: Rect, obstacles: Array) -> tuple[int, float]:
    """``(index, cost)`` of the candidate of ``request`` that covers least.

    Parameters
    ----------
    request : the label.
    view : the view's pixel rectangle; a label sticking out of it is heavily penalised.
    obstacles : (M, 5) rows ``left, top, right, bottom, weight``: an overlap costs its share of
        the smaller of the two rectangles × weight (a curve sample ≈ 1, a marker ≈ 300).

    Returns
    -------
    ``(-1, inf)`` for a request with no candidates: a caller may leave out a label whose best
    place still covers too much (:data:`DROP_COST`).
    """
    if not request.candidates:
        return -1, math.inf
    cands = np.array([(*c[:4], c[4] if len(c) > 4 else 0.0) for c in request.candidates])
    left = cands[:, 0] - cands[:, 2] * request.width
    top = cands[:, 1] - cands[:, 3] * request.height
    rects = np.column_stack([left, top, left + request.width, top + request.height])
    area = max(request.width * request.height, 1.0)
    inside_w = np.maximum(np.minimum(rects[:, 2], view[2]) - np.maximum(rects[:, 0], view[0]), 0)
    inside_h = np.maximum(np.minimum(rects[:, 3], view[3]) - np.maximum(rects[:, 1], view[1]), 0)
    score = OUTSIDE_PENALTY * (1.0 - inside_w * inside_h / area)
    score += ORDER_PENALTY * np.arange(len(rects)) + cands[:, 4]
    blocks = np.asarray(obstacles, float).reshape(-1, 5)
    # Only what lies where any candidate could go: most candidates crowd around one point.
    blocks = blocks[(blocks[:, 2] > left.min()) & (blocks[:, 0] < rects[:, 2].max())
                    & (blocks[:, 3] > top.min()) & (blocks[:, 1] < rects[:, 3].max())]
    if blocks.size:
        w = np.maximum(np.minimum(rects[:, None, 2], blocks[None, :, 2])
                       - np.maximum(rects[:, None, 0], blocks[None, :, 0]), 0)
        h = np.maximum(np.minimum(rects[:, None, 3], blocks[None, :, 3])
                       - np.maximum(rects[:, None, 1], blocks[None, :, 1]), 0)
        # The share of the smaller of the two that is covered: a label over a tenth of a
        # large note may still hide all of itself.
        sizes = np.maximum(np.minimum(
            (blocks[:, 2] - blocks[:, 0]) * (blocks[:, 3] - blocks[:, 1]), area), 1.0)
        score += (w * h) @ (blocks[:, 4] / sizes)
    best = int(np.argmin(score))
    return best, float(score[best])


def place_labels(requests: Sequence[LabelRequest], view: Rect,
                 obstacles: Array) -> list[tuple[int, float]]:
    """For each request in order, :func:`best_place`; each placed label becomes an obstacle
    (weighted by its request) for the ones after it: the greedy choice."""
    blocks = np.asarray(obstacles, float).reshape(-1, 5)
    chosen = []
    for request in requests:
        index, cost = best_place(request, view, blocks)
        chosen.append((index, cost))
        if index >= 0:
            rect = candidate_rect(request.candidates[index], request.width, request.height)
            blocks = np.vstack([blocks, [*rect, request.weight]])
    return chosen


def point_obstacles(points: ArrayLike, radius: float, weight: float) -> Array:
    """(N, 5) obstacle rows for squares of ``radius`` around (N, 2) pixel ``points``."""
    p = np.asarray(points, float).reshape(-1, 2)
    p = p[np.isfinite(p).all(axis=1)]
    return np.column_stack([p[:, 0] - radius, p[:, 1] - radius, p[:, 0] + radius,
                            p[:, 1] + radius, np.full(len(p), weight)])


NOTE_KEYS = ("offview", "lower", "training", "sample")  # always shown: each one is needed
MARKER_KEYS = ("current", "minimum", "new", "initial")  # their labels, most important first
DROP_COST = 120.0  # a label whose best place would cover this much is left out
IMPORTANT_PX = 60.0  # the curve this near the current, new and minimum points matters most


def overlay_plan(view: Rect, curve: Array, lines: Array, trail: Array,
                 markers: dict[str, tuple[Array, float]], tangent: Array, step: Array,
                 gap: float, offview: Candidate | None = None, lower_side: int = 0,
                 notes: Sequence[str] = (), inset: float = 3.0
                 ) -> tuple[Array, list[tuple[str, list[Candidate]]]]:
    """What the labels must avoid and where each may go, most important first.

    Parameters
    ----------
    view : the view's pixel rectangle.
    curve, lines, trail : (N, 2) pixel points of the curve, of the tangent and step lines
        (already sampled) and of the path (oldest first).
    markers : ``{key: (centre, radius)}`` of the markers drawn (keys of :data:`MARKER_KEYS`).
    tangent, step : the tangent's two ends and the step's start and end, (2, 2) pixels.
    gap : between a marker's edge and its label.
    offview : the one place of the note pointing at an initial point outside the view.
    lower_side : −1 or +1 to place the "lower to the left/right" note on that side, 0 for none.
    notes : the large notes shown ("training", "sample"), placed anywhere along the edges.

    Returns
    -------
    ``(obstacles, requests)``: obstacle rows for :func:`place_labels` (the curve and the
    lines: 30 per covered sample, twice that near the points, so that a label crossing them
    is left out; the path (its dots and lines) a little, its own label goes next to it; a
    marker 300, a label never hides a point) and ``(key, candidates)`` per label. Labels of markers outside the view
    and of a path with fewer than two points in view are left out.
    """
    left, top, right, bottom = view

    def inside(p: Array) -> Array:
        p = np.asarray(p, float).reshape(-1, 2)
        return (p[:, 0] >= left) & (p[:, 0] <= right) & (p[:, 1] >= top) & (p[:, 1] <= bottom)

    shown = {key: value for key, value in markers.items() if inside(value[0])[0]}
    samples = polyline_samples(curve[:, 0], curve[:, 1], view)
    near = np.array([shown[k][0] for k in ("current", "new", "minimum") if k in shown])
    important = np.zeros(len(samples), bool)
    if near.size:
        important = np.min(np.hypot(samples[:, None, 0] - near[None, :, 0],
                                    samples[:, None, 1] - near[None, :, 1]),
                           axis=1) < IMPORTANT_PX
    obstacles = [point_obstacles(samples[important], 2.0, 60.0),
                 point_obstacles(samples[~important], 2.0, 30.0),
                 point_obstacles(lines, 2.0, 30.0),
                 point_obstacles(polyline_samples(trail[:, 0], trail[:, 1], view), 3.0, 2.0)]
    obstacles += [point_obstacles([centre], radius, 300.0) for centre, radius in shown.values()]

    requests: list[tuple[str, list[Candidate]]] = []
    if offview is not None:
        requests.append(("offview", [offview]))
    if lower_side:
        requests.append(("lower", view_corners(view, inset, lower_side)))
    requests += [(key, view_grid(view, inset)) for key in notes]
    requests += [(key, around(*shown[key][0], shown[key][1] + gap))
                 for key in MARKER_KEYS if key in shown]
    # The slope's and the step's words next to their lines if there is room, else in a free
    # corner (the colour still says which is which).
    corners = [(*c, FALLBACK_COST) for c in view_corners(view, inset)]
    requests.append(("slope", [c for p in (tangent[1], tangent[0], tangent.mean(axis=0))
                               for c in around(*p, gap)] + corners))
    requests.append(("step", around(*step.mean(axis=0), gap) + around(*step[1], 2 * gap)
                     + corners))
    path = trail[inside(trail)]
    if len(path) > 1:
        # Beside the middle of the longest steps: the free room is there, not in a crawl.
        middles = 0.5 * (path[1:] + path[:-1])
        longest = np.argsort(-np.hypot(*np.diff(path, axis=0).T))[:3]
        requests.append(("path", [c for p in (*middles[longest], path[0])
                                  for c in around(*p, gap)]))
    return np.vstack(obstacles), requests


def run_path(values: ArrayLike, losses: ArrayLike, start: tuple[float, float], epoch: int,
             shown: int) -> tuple[Array, Array]:
    """The run's path to draw, oldest first, ending at the current point: the newest ``shown``
    positions, from the run's start when they hold the whole run (one per epoch since it)."""
    values = np.asarray(values, dtype=np.float64)[-shown:]
    losses = np.asarray(losses, dtype=np.float64)[-shown:]
    if 0 < values.size == epoch and values.size < shown:
        values = np.concatenate([[start[0]], values])
        losses = np.concatenate([[start[1]], losses])
    return values, losses
