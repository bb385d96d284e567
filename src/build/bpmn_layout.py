#!/usr/bin/env python3
"""Adds (or replaces) a BPMN diagram (BPMNDI) in GovShare's hand-written BPMN files, so that Cockpit
shows the process and Camunda Modeler can open it. Layered left to right (longest path from the start
event); a flow that spans several layers runs through its own slot in each layer it passes, so it never
runs through a step; a loop (back edge) runs in a lane above or below the steps it spans, or back through
the layers beside the forward flows; the order inside each layer is chosen to minimise crossings, and each
flow bends in its own vertical channel between layers. Of the candidate layouts (loops in lanes or inline,
two starting orders) the one with the fewest crossings is kept. Flow labels get explicit bounds in the gap
before the step they lead to; boundary events sit on their activity's lower edge; a collapsed sub-process
gets its own plane (drill-down in Modeler and Cockpit). src/test/java/cn/govshare/BpmnLayoutTest.java
checks the result (issue 19).
Usage: python3 src/build/bpmn_layout.py bpmn/*.bpmn"""
import itertools
import sys
import xml.etree.ElementTree as ET

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DDI = "http://www.omg.org/spec/DD/20100524/DI"
NAMESPACES = {"bpmn": BPMN, "bpmndi": DI, "dc": DC, "di": DDI,
              "camunda": "http://camunda.org/schema/1.0/bpmn", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
         "intermediateThrowEvent": (36, 36), "boundaryEvent": (36, 36),
         "exclusiveGateway": (50, 50), "parallelGateway": (50, 50), "inclusiveGateway": (50, 50),
         "eventBasedGateway": (50, 50)}
ACTIVITIES = ("task", "subProcess", "callActivity", "transaction", "adHocSubProcess")
LEFT, TOP = 80, 80
GAP = 40            # free space between two things stacked in one layer (room for a flow label above a line)
CHANNEL = 12        # distance between two vertical channels in the gap between layers
LOOP_PORT = 12      # a loop leaves and enters its steps this far below (or above) the middle
LABEL_WIDTH = 90    # bpmn-js wraps external labels at 90 px (DEFAULT_LABEL_SIZE)
LINE_HEIGHT = 11 * 1.2  # bpmn-js external label font: 11 px, line height 1.2


def char_width(c):
    """Advance of one character in an 11 px label; same estimate as BpmnLayoutTest.charWidth."""
    cp = ord(c)
    if cp >= 0x2E80:
        return 11
    if c == " ":
        return 3.1
    if c in "()[]ijlft.,:;!|'":
        return 3.7
    if c.isupper() or c in "mw":
        return 8
    return 6.2


def label_size(text):
    """(width, height) of an external label as bpmn-js lays it out (wrapped at 90 px)."""
    lines, line = [], 0
    for c in text:
        w = char_width(c)
        if line + w > LABEL_WIDTH and line > 0:
            lines.append(line)
            line = 0
        line += w
    lines.append(line)
    return max(lines), -(-len(lines) * LINE_HEIGHT // 1)


def overlaps(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def has_external_label(tag):
    return tag.endswith("Event") or tag.endswith("Gateway")


def place(nodes, names, flows, attached=None):
    """Lays out one plane. nodes: {id: tag}, names: {id: name}, flows: [(id, source, target)], attached:
    {boundary event: the activity it is attached to}. Returns (bounds {node: (x, y, w, h)},
    waypoints {flow: [(x, y)]}, labels {flow or boundary event: (x, y, w, h)}). Loops are tried both in
    lanes outside the steps and inline (through the layers like other flows), from two starting orders, with
    steps or passing flows first where the order is otherwise equal; the fewest crossings win (the first on a tie)."""
    ends = {fid: (s, t) for fid, s, t in flows}
    best = None
    for inline, reverse, steps_first in itertools.product((False, True), (False, True), (True, False)):
        result = layout_plane(nodes, names, flows, attached, inline, reverse, steps_first)
        count = crossing_count(result[0], result[1], ends)
        if best is None or count < best[0]:
            best = (count, result)
        if count == 0:
            break
    return best[1]


def crossing_count(bounds, waypoints, ends):
    """Pairs of flows that cross or touch, except where flows meet at a step they share (a fork or a merge)."""
    count = 0
    for f1, f2 in itertools.combinations(waypoints, 2):
        shared = set(ends[f1]) & set(ends[f2])
        for (p1, p2), (q1, q2) in itertools.product(zip(waypoints[f1], waypoints[f1][1:]),
                                                     zip(waypoints[f2], waypoints[f2][1:])):
            rx, ry, sx, sy = p2[0] - p1[0], p2[1] - p1[1], q2[0] - q1[0], q2[1] - q1[1]
            denom = rx * sy - ry * sx
            qx, qy = q1[0] - p1[0], q1[1] - p1[1]
            if abs(denom) < 1e-9:
                if shared or abs(qx * ry - qy * rx) > 1e-6:
                    continue
                axis = 0 if abs(rx) >= abs(ry) else 1
                lo = max(min(p1[axis], p2[axis]), min(q1[axis], q2[axis]))
                hi = min(max(p1[axis], p2[axis]), max(q1[axis], q2[axis]))
                if hi - lo > 0.01:
                    count += 1
                    break
                continue
            t, u = (qx * sy - qy * sx) / denom, (qx * ry - qy * rx) / denom
            if -0.01 <= t <= 1.01 and -0.01 <= u <= 1.01:
                hit = (p1[0] + t * rx, p1[1] + t * ry)
                inside = 0.01 < t < 0.99 and 0.01 < u < 0.99
                at_shared = any(bounds[n][0] - 1 <= hit[0] <= bounds[n][0] + bounds[n][2] + 1
                                and bounds[n][1] - 1 <= hit[1] <= bounds[n][1] + bounds[n][3] + 1
                                for n in shared if n in bounds)
                if not shared or inside and not at_shared:
                    count += 1
                    break
    return count


def layout_plane(nodes, names, flows, attached, inline, reverse, steps_first):
    if not nodes:
        return {}, {}, {}
    attached = {b: h for b, h in (attached or {}).items() if b in nodes and h in nodes}
    boundary_tags = {b: nodes[b] for b in attached}
    nodes = {n: tag for n, tag in nodes.items() if n not in attached}
    from_boundary = {fid: s for fid, s, t in flows if s in attached}  # laid out as leaving the activity
    flows = [(fid, attached.get(s, s), t) for fid, s, t in flows]
    flows = [f for f in flows if f[1] in nodes and f[2] in nodes and f[1] != f[2]]
    boundaries = {h: [b for b in attached if attached[b] == h] for h in set(attached.values())}
    order = list(nodes)
    outgoing = {n: [] for n in nodes}
    incoming = {n: [] for n in nodes}
    for fid, s, t in flows:
        outgoing[s].append((fid, t))
        incoming[t].append(s)

    # back edges: a depth-first search from the start events, in document order
    back, state = set(), {}
    starts = [n for n in order if nodes[n] == "startEvent"] + [n for n in order if not incoming[n]] + order
    for root in starts:
        if root in state:
            continue
        stack = [(root, iter(outgoing[root]))]
        state[root] = "active"
        while stack:
            n, it = stack[-1]
            step = next(it, None)
            if step is None:
                state[n] = "done"
                stack.pop()
                continue
            fid, t = step
            if state.get(t) == "active":
                back.add(fid)
            elif t not in state:
                state[t] = "active"
                stack.append((t, iter(outgoing[t])))

    # layers: longest path over the flows with loops reversed
    dag = [(fid, t, s) if fid in back else (fid, s, t) for fid, s, t in flows]
    layer = {n: 0 for n in nodes}
    preds = {n: [] for n in nodes}
    for fid, u, v in dag:
        preds[v].append(u)
    remaining = {n: len(preds[n]) for n in nodes}
    ready = [n for n in order if remaining[n] == 0]
    while ready:
        u = ready.pop(0)
        for fid, a, v in dag:
            if a == u:
                layer[v] = max(layer[v], layer[u] + 1)
                remaining[v] -= 1
                if remaining[v] == 0:
                    ready.append(v)

    # chains: each flow passes one item per layer it spans (dummy items in the layers between)
    chains = {}
    for fid, u, v in dag:
        chains[fid] = [u] + [("~", fid, k) for k in range(layer[u] + 1, layer[v])] + [v]
    item_layer = dict(layer)
    for fid, chain in chains.items():
        for k, item in enumerate(chain[1:-1]):
            item_layer[item] = layer[chain[0]] + 1 + k
    depth = max(item_layer.values()) + 1
    pairs = [[] for _ in range(depth)]  # pairs[i]: (item in layer i, item in layer i + 1), loops left out
    boundary_pairs = {(chains[fid][0], chains[fid][1]) for fid in from_boundary if fid not in back}
    lane_loops = back if not inline else {fid for fid in back if fid in from_boundary}
    for fid, chain in chains.items():
        if fid not in lane_loops:
            for a, b in zip(chain, chain[1:]):
                pairs[item_layer[a]].append((a, b))
    rows = [[] for _ in range(depth)]
    for item in sorted(item_layer, key=lambda i: order.index(i) if i in nodes else len(order), reverse=reverse):
        if item in nodes or item[1] not in lane_loops:
            rows[item_layer[item]].append(item)

    # order inside each layer: barycentre sweeps, keeping the order with the fewest crossings
    def crossings(rs):
        pos = {item: k for r in rs for k, item in enumerate(r)}
        total = 0
        for ps in pairs:
            for (a1, b1), (a2, b2) in itertools.combinations(ps, 2):
                # a boundary event's flow leaves below its activity's own flows
                p1 = pos[a1] + (0.5 if (a1, b1) in boundary_pairs else 0)
                p2 = pos[a2] + (0.5 if (a2, b2) in boundary_pairs else 0)
                if (p1 - p2) * (pos[b1] - pos[b2]) < 0:
                    total += 1
        return total

    def sweep(rs, downward):
        rs = [list(r) for r in rs]
        layers = range(1, depth) if downward else range(depth - 2, -1, -1)
        for i in layers:
            ref = {item: k for k, item in enumerate(rs[i - 1] if downward else rs[i + 1])}
            links = {}
            for a, b in pairs[i - 1] if downward else pairs[i]:
                mine, other = (b, a) if downward else (a, b)
                # what follows a boundary event goes below what follows the activity normally
                links.setdefault(mine, []).append(ref[other] + (0.5 if downward and (a, b) in boundary_pairs else 0))
            current = {item: k for k, item in enumerate(rs[i])}
            rs[i].sort(key=lambda item: (sum(links[item]) / len(links[item]) if item in links else current[item],
                                         (item not in nodes) == steps_first, current[item]))
        return rs

    def transpose(rs):
        """Swaps neighbours inside a layer while that removes crossings."""
        rs = [list(r) for r in rs]
        count = crossings(rs)
        improved = True
        while improved:
            improved = False
            for r in rs:
                for k in range(len(r) - 1):
                    r[k], r[k + 1] = r[k + 1], r[k]
                    swapped = crossings(rs)
                    if swapped < count:
                        count, improved = swapped, True
                    else:
                        r[k], r[k + 1] = r[k + 1], r[k]
        return rs

    best, best_count = rows, crossings(rows)
    current = rows
    for _ in range(12):
        for downward in (True, False):
            current = transpose(sweep(current, downward))
            count = crossings(current)
            if count < best_count:
                best, best_count = current, count
    rows = best

    # sizes and vertical positions: straight lines where the order allows, never closer than GAP
    def size(item):
        return SIZES.get(nodes[item], (100, 80)) if item in nodes else (0, 0)

    def extent(item):
        """(above the middle, below the middle), the label below events and gateways included."""
        w, h = size(item)
        below = h / 2
        if item in nodes and has_external_label(nodes[item]) and names.get(item):
            below += label_size(names[item])[1] + 4
        if item in boundaries:
            below += boundary_drop(item) + 4
        return h / 2, below

    def boundary_drop(host):
        """How far below the activity its boundary events' flows turn right (beside the events' labels)."""
        return 18 + max([12] + [label_size(names[b])[1] + 4 for b in boundaries[host] if names.get(b)])

    y = {}
    neighbours = {}
    for i, ps in enumerate(pairs):
        for a, b in ps:
            neighbours.setdefault(b, []).append(a)
    for i, r in enumerate(rows):
        previous = None
        for item in r:
            above, _ = extent(item)
            lowest = TOP + above if previous is None else y[previous] + extent(previous)[1] + GAP + above
            linked = sorted(y[a] for a in neighbours.get(item, []) if a in y)
            wanted = linked[(len(linked) - 1) // 2] if linked else lowest
            y[item] = max(lowest, wanted)
            previous = item
    successors = {}
    for ps in pairs:
        for a, b in ps:
            successors.setdefault(a, []).append(b)
    for r in reversed(rows):
        for k in range(len(r) - 1, -1, -1):
            item = r[k]
            linked = sorted(y[b] for b in successors.get(item, []))
            if len(linked) != 1 or len(neighbours.get(successors[item][0], [])) != 1:
                continue  # only straighten a plain chain; a fork stays in line with what leads into it
            upper = TOP + extent(item)[0] if k == 0 else y[r[k - 1]] + extent(r[k - 1])[1] + GAP + extent(item)[0]
            lower = float("inf") if k == len(r) - 1 else y[r[k + 1]] - extent(r[k + 1])[0] - GAP - extent(item)[1]
            y[item] = min(max(linked[(len(linked) - 1) // 2], upper), lower)

    # ports: flows enter on the left and leave on the right in the middle; loops beside the middle
    def boundary_x(item, dy, right):
        w, h = size(item)
        tag = nodes.get(item, "")
        if tag.endswith("Gateway"):
            half = w / 2 - abs(dy) * w / h
        elif tag.endswith("Event"):
            half = max((w / 2) ** 2 - dy * dy, 0) ** 0.5
        else:
            half = w / 2
        return half if right else -half

    # loops run in their own lane above or below everything in the layers they span, the shorter inside
    loop_offset, lane_side, lane_of, through_end, lanes = {}, {}, {}, set(), []
    for fid in back - lane_loops:  # inline: leave beside the middle, below it, where no label stands
        lane_side[fid] = 1
        loop_offset[(fid, chains[fid][0])] = loop_offset[(fid, chains[fid][-1])] = LOOP_PORT
    for fid in sorted(lane_loops, key=lambda f: (item_layer[chains[f][-1]] - item_layer[chains[f][0]], f)):
        chain = chains[fid]
        t, s = chain[0], chain[-1]
        spanned = [item for i in range(item_layer[t], item_layer[s] + 1) for item in rows[i]]
        ends = [(t, item_layer[t]), (t, item_layer[t] + 1), (s, item_layer[s] - 1), (s, item_layer[s])]
        above = sum(1 for end, i in ends for item in rows[i] if y[item] < y[end])
        below = sum(1 for end, i in ends for item in rows[i] if y[item] > y[end])
        side = -1 if above <= below else 1
        if fid in from_boundary:
            side = 1  # a loop from a boundary event drops from the event to a lane below
        lo, hi = item_layer[t], item_layer[s]
        if side < 0:
            edge = min(y[item] - extent(item)[0] for item in spanned)
            edge = min([edge] + [ly for l0, l1, sd, ly in lanes if sd < 0 and l0 <= hi and lo <= l1])
        else:
            edge = max(y[item] + extent(item)[1] for item in spanned)
            edge = max([edge] + [ly for l0, l1, sd, ly in lanes if sd > 0 and l0 <= hi and lo <= l1])
        lane = edge + side * GAP
        lanes.append((lo, hi, side, lane))
        lane_side[fid], lane_of[fid] = side, lane
        for item in chain[1:-1]:
            y[item] = lane
        loop_offset[(fid, t)] = loop_offset[(fid, s)] = side * LOOP_PORT
        # a step first (or last) in its layer is left and entered through its top (or bottom), straight to the lane
        outermost = {end for end in (t, s) if rows[item_layer[end]][0 if side < 0 else -1] == end
                     and not (side > 0 and has_external_label(nodes[end]) and names.get(end))}
        if fid in from_boundary:
            outermost.add(s)
        if len(chain) > 2 or outermost == {t, s}:
            through_end.update((fid, end) for end in outermost)

    def port_y(fid, item):
        if fid in from_boundary and item == attached[from_boundary[fid]]:
            return y[item] + size(item)[1] / 2 + boundary_drop(item)
        return y[item] + loop_offset.get((fid, item), 0)

    # gaps between layers: one vertical channel per group of lines (a fork or a merge shares its channel)
    flow_names = {fid: names.get(fid, "") for fid in chains}
    gap_segments = [[] for _ in range(depth)]
    for fid, chain in chains.items():
        for a, b in zip(chain, chain[1:]):
            if (fid, a) in through_end and a == chain[0] or (fid, b) in through_end and b == chain[-1]:
                continue
            gap_segments[item_layer[a]].append((fid, a, port_y(fid, a), b, port_y(fid, b)))
    label_gap = {}
    for fid, chain in chains.items():
        if flow_names[fid]:
            label_gap[fid] = item_layer[chain[-2]] if fid in back else item_layer[chain[0]]
    widths = []
    for i, r in enumerate(rows):
        w = max(size(item)[0] for item in r)
        if any(item in nodes and has_external_label(nodes[item]) and names.get(item) for item in r):
            w = max(w, LABEL_WIDTH)
        widths.append(w)

    def group_key(seg, segs):
        fid, a, ya, b, yb = seg
        if a in nodes and sum(1 for s in segs if s[1] == a and s[2] == ya) > 1:
            return ("from", a, ya)
        if b in nodes and sum(1 for s in segs if s[3] == b and s[4] == yb) > 1:
            return ("to", b, yb)
        return ("own", fid)

    channels = []  # per gap: {group key: channel index}
    gap_widths = []
    for i in range(depth - 1):
        segs = gap_segments[i]
        groups = {}
        for seg in segs:
            if seg[2] != seg[4]:
                groups.setdefault(group_key(seg, segs), []).append(seg)
        keys = list(groups)

        span = {k: (min(min(s[2], s[4]) for s in g), max(max(s[2], s[4]) for s in g)) for k, g in groups.items()}

        def cost(left, right):
            """Crossings between two channel groups when left's channel lies left of right's."""
            lo, hi = span[left]
            count = sum(1 for s in groups[right] if lo <= s[2] <= hi)  # right's line from the previous layer
            lo, hi = span[right]
            return count + sum(1 for s in groups[left] if lo <= s[4] <= hi)  # left's line to the next layer

        n = len(keys)
        pair = [[cost(a, b) if a != b else 0 for b in keys] for a in keys]
        if n <= 12:  # exact order of the channels (dynamic programming over subsets)
            best_cost, last = {0: 0}, {}
            for mask in range(1, 1 << n):
                options = []
                for g in range(n):
                    if mask >> g & 1:
                        rest = mask & ~(1 << g)
                        options.append((best_cost[rest] + sum(pair[h][g] for h in range(n) if rest >> h & 1), g))
                best_cost[mask], last[mask] = min(options)
            chosen, mask = [], (1 << n) - 1
            while mask:
                chosen.insert(0, keys[last[mask]])
                mask &= ~(1 << last[mask])
        else:  # many channels: swap neighbours while that removes crossings
            ranks = list(range(n))
            improved = True
            while improved:
                improved = False
                for k in range(n - 1):
                    a, b = ranks[k], ranks[k + 1]
                    if pair[b][a] < pair[a][b]:
                        ranks[k], ranks[k + 1], improved = b, a, True
            chosen = [keys[k] for k in ranks]
        channels.append({k: n for n, k in enumerate(chosen)})
        label = max((label_size(flow_names[fid])[0] for fid, g in label_gap.items()
                     if g == i and (fid not in lane_loops or len(chains[fid]) == 2)), default=0)
        gap_widths.append(max(60, 16 + len(chosen) * CHANNEL + (label + 14 if label else 14)))
    lefts = [LEFT]
    for i in range(1, depth):
        lefts.append(lefts[-1] + widths[i - 1] + gap_widths[i - 1])
    centre = [lefts[i] + widths[i] / 2 for i in range(depth)]

    bounds = {}
    for n in nodes:
        w, h = size(n)
        bounds[n] = (centre[layer[n]] - w / 2, y[n] - h / 2, w, h)
    waypoints, labels = {}, {}
    for host, events in boundaries.items():  # on the activity's lower edge, from the right
        hx, hy, hw, hh = bounds[host]
        for k, b in enumerate(events):
            w, h = SIZES.get(boundary_tags[b], (36, 36))
            bounds[b] = (hx + hw - w - 8 - k * (w + 10), hy + hh - h / 2, w, h)
            if names.get(b):  # left of the flow that drops from it
                lw, lh = label_size(names[b])
                labels[b] = (hx + hw - w / 2 - 8 - k * (w + 10) - 4 - lw, hy + hh + h / 2 + 2, lw, lh)

    def boundary_start(fid):
        x, y0, w, h = bounds[from_boundary[fid]]
        return x + w / 2, y0 + h

    def segment(fid, a, b):
        """The line from item a to item b through the gap after a's layer: its points and its channel."""
        i = item_layer[a]
        segs = gap_segments[i]
        seg = next(s for s in segs if s[0] == fid and s[1] == a)
        ya, yb = seg[2], seg[4]
        xa = centre[i] + (boundary_x(a, ya - y[a], True) if a in nodes else widths[i] / 2)
        xb = centre[i + 1] + (boundary_x(b, yb - y[b], False) if b in nodes else -widths[i + 1] / 2)
        if ya == yb:
            return [(xa, ya), (xb, yb)], None
        cx = lefts[i] + widths[i] + 16 + channels[i][group_key(seg, segs)] * CHANNEL
        return [(xa, ya), (cx, ya), (cx, yb), (xb, yb)], cx

    def place_label(fid, right, top):
        lw, lh = label_size(flow_names[fid])
        while any(overlaps((right - lw, top, lw, lh), other) for other in labels.values()):
            top -= lh + 2  # two flows between the same steps: stack their labels
        labels[fid] = (right - lw, top, lw, lh)

    for fid, chain in chains.items():
        points = []
        t, s = chain[0], chain[-1]
        if fid in lane_loops and ((fid, t) in through_end or (fid, s) in through_end or len(chain) > 2):
            side, lane = lane_side[fid], lane_of[fid]
            if (fid, t) in through_end:
                points += [(centre[layer[t]], y[t] + side * size(t)[1] / 2), (centre[layer[t]], lane)]
            else:
                points += segment(fid, t, chain[1])[0]
            if fid in from_boundary:
                bx, by = boundary_start(fid)
                points += [(bx, lane), (bx, by)]
                right = bx - 6
            elif (fid, s) in through_end:
                points += [(centre[layer[s]], lane), (centre[layer[s]], y[s] + side * size(s)[1] / 2)]
                right = centre[layer[s]] - 6
            else:
                tail, right = segment(fid, chain[-2], s)
                points += tail
                right -= 6
            if flow_names[fid]:  # on the outer side of the lane, just before it turns to the step it leaves
                lh = label_size(flow_names[fid])[1]
                place_label(fid, right, lane - 3 - lh if side < 0 else lane + 3)
        else:
            for a, b in zip(chain, chain[1:]):
                part, cx = segment(fid, a, b)
                points += part
                if label_gap.get(fid) == item_layer[a]:
                    lw, lh = label_size(flow_names[fid])
                    ya, yb = part[0][1], part[-1][1]
                    if fid not in back:  # above the line into the next step, just before it
                        place_label(fid, lefts[item_layer[a] + 1] - 6, yb - 3 - lh)
                    elif fid not in lane_loops:  # below the line out of the step it leaves
                        place_label(fid, lefts[item_layer[a] + 1] - 6, yb + 3)
                    else:  # a loop between neighbouring layers: beside the step it returns to
                        place_label(fid, part[0][0] + 6 + lw, ya - 3 - lh if lane_side[fid] < 0 else ya + 3)
            if fid in from_boundary:
                bx, by = boundary_start(fid)
                points = [(bx, by), (bx, points[0][1])] + points
        tidy = []
        for p in points:
            if tidy and tidy[-1] == p:
                continue
            if len(tidy) >= 2 and (tidy[-2][0] == tidy[-1][0] == p[0] or tidy[-2][1] == tidy[-1][1] == p[1]):
                tidy[-1] = p
                continue
            tidy.append(p)
        waypoints[fid] = list(reversed(tidy)) if fid in back else tidy
    shift = TOP - min([b[1] for b in bounds.values()] + [l[1] for l in labels.values()]
                      + [p[1] for points in waypoints.values() for p in points])
    bounds = {n: (x, y0 + shift, w, h) for n, (x, y0, w, h) in bounds.items()}
    labels = {f: (x, y0 + shift, w, h) for f, (x, y0, w, h) in labels.items()}
    waypoints = {f: [(x, y0 + shift) for x, y0 in points] for f, points in waypoints.items()}
    return bounds, waypoints, labels


def add_label(element, bounds):
    x, y, w, h = bounds
    label = ET.SubElement(element, f"{{{DI}}}BPMNLabel")
    ET.SubElement(label, f"{{{DC}}}Bounds", x=str(round(x)), y=str(round(y)), width=str(round(w)),
                  height=str(round(h)))


def draw(root, container, plane_owner):
    """Adds one BPMNDiagram for the flow elements directly inside container (a process or a sub-process)."""
    nodes, names, flows, attached = {}, {}, [], {}
    for child in container:
        tag = child.tag.split("}")[1]
        if child.get("name"):
            names[child.get("id")] = child.get("name")
        if tag == "sequenceFlow":
            flows.append((child.get("id"), child.get("sourceRef"), child.get("targetRef")))
        elif (tag in ACTIVITIES or tag.endswith(("Task", "Event", "Gateway"))) and child.get("id"):
            nodes[child.get("id")] = tag
            if child.get("attachedToRef"):
                attached[child.get("id")] = child.get("attachedToRef")
    bounds, waypoints, labels = place(nodes, names, flows, attached)
    diagram = ET.SubElement(root, f"{{{DI}}}BPMNDiagram", id=plane_owner + "_diagram")
    plane = ET.SubElement(diagram, f"{{{DI}}}BPMNPlane", id=plane_owner + "_plane", bpmnElement=plane_owner)
    for n, (x, y, w, h) in bounds.items():
        shape = ET.SubElement(plane, f"{{{DI}}}BPMNShape", id=n + "_di", bpmnElement=n)
        if nodes[n] == "exclusiveGateway":
            shape.set("isMarkerVisible", "true")
        if nodes[n] in ("subProcess", "transaction", "adHocSubProcess"):
            shape.set("isExpanded", "false")
        ET.SubElement(shape, f"{{{DC}}}Bounds", x=str(round(x)), y=str(round(y)), width=str(w), height=str(h))
        if n in labels:
            add_label(shape, labels[n])
    for fid, points in waypoints.items():
        edge = ET.SubElement(plane, f"{{{DI}}}BPMNEdge", id=fid + "_di", bpmnElement=fid)
        for x, y in points:
            ET.SubElement(edge, f"{{{DDI}}}waypoint", x=str(round(x)), y=str(round(y)))
        if fid in labels:
            add_label(edge, labels[fid])
    for child in container:
        if child.tag.split("}")[1] in ("subProcess", "transaction", "adHocSubProcess"):
            draw(root, child, child.get("id"))


def layout(path):
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall(f"{{{DI}}}BPMNDiagram"):
        root.remove(old)
    for process in root.findall(f"{{{BPMN}}}process"):
        draw(root, process, process.get("id"))
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    for file in sys.argv[1:]:
        layout(file)
        print("laid out", file)
