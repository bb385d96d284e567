#!/usr/bin/env python3
"""Adds (or replaces) a BPMN diagram (BPMNDI) in GovShare's hand-written BPMN files, so that Cockpit
shows the process and Camunda Modeler can open it. Left-to-right layers by longest path from the
start event; back edges (loops) are routed below. Usage: python3 src/build/bpmn_layout.py bpmn/*.bpmn"""
import sys
import xml.etree.ElementTree as ET

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DDI = "http://www.omg.org/spec/DD/20100524/DI"
NAMESPACES = {"bpmn": BPMN, "bpmndi": DI, "dc": DC, "di": DDI,
              "camunda": "http://camunda.org/schema/1.0/bpmn", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
         "exclusiveGateway": (50, 50), "parallelGateway": (50, 50)}
COLUMN, ROW, LEFT, TOP = 170, 130, 80, 80


def layout(path):
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall(f"{{{DI}}}BPMNDiagram"):
        root.remove(old)
    process = root.find(f"{{{BPMN}}}process")
    layout_scope(root, process)
    # Sub-processes are drawn collapsed, each with its own diagram to drill down into (Modeler, Cockpit).
    for sub in process.iter(f"{{{BPMN}}}subProcess"):
        layout_scope(root, sub)
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def layout_scope(root, process):
    nodes, flows = {}, []
    for child in process:
        tag = child.tag.split("}")[1]
        if tag == "sequenceFlow":
            flows.append((child.get("id"), child.get("sourceRef"), child.get("targetRef")))
        elif tag not in ("documentation", "extensionElements"):
            nodes[child.get("id")] = tag
    outgoing = {n: [] for n in nodes}
    for fid, s, t in flows:
        outgoing[s].append(t)
    starts = [n for n, tag in nodes.items() if tag == "startEvent"]
    layer, order, back = {}, [], set()
    state = {}

    def visit(n, depth):
        state[n] = "active"
        layer[n] = max(layer.get(n, 0), depth)
        for t in outgoing[n]:
            if state.get(t) == "active":
                back.add((n, t))
            elif state.get(t) != "done" or layer.get(t, 0) < depth + 1:
                visit(t, depth + 1)
        state[n] = "done"
        if n not in order:
            order.append(n)

    for s in starts:
        visit(s, 0)
    rows = {}
    for n in reversed(order):
        rows.setdefault(layer[n], []).append(n)
    position = {}
    for col, members in rows.items():
        for row, n in enumerate(members):
            w, h = SIZES.get(nodes[n], (100, 80))
            cx, cy = LEFT + col * COLUMN + 50, TOP + row * ROW + 40
            position[n] = (cx - w / 2, cy - h / 2, w, h)
    diagram = ET.SubElement(root, f"{{{DI}}}BPMNDiagram", id=process.get("id") + "_diagram")
    plane = ET.SubElement(diagram, f"{{{DI}}}BPMNPlane", id=process.get("id") + "_plane",
                          bpmnElement=process.get("id"))
    for n, (x, y, w, h) in position.items():
        shape = ET.SubElement(plane, f"{{{DI}}}BPMNShape", id=n + "_di", bpmnElement=n)
        if nodes[n] == "exclusiveGateway":
            shape.set("isMarkerVisible", "true")
        if nodes[n] == "subProcess":
            shape.set("isExpanded", "false")
        ET.SubElement(shape, f"{{{DC}}}Bounds", x=str(int(x)), y=str(int(y)), width=str(w), height=str(h))
    highest = min(y for x, y, w, h in position.values())
    lowest = max(y + h for x, y, w, h in position.values()) + 40
    placed = []
    skips = []
    for fid, s, t in flows:
        if s not in position or t not in position:
            continue
        sx, sy, sw, sh = position[s]
        tx, ty, tw, th = position[t]
        if (s, t) in back or tx <= sx:
            points = [(sx + sw / 2, sy + sh), (sx + sw / 2, lowest), (tx + tw / 2, lowest), (tx + tw / 2, ty + th)]
        elif blocked(position, s, t):
            skips.append((fid, s, t))
            continue
        else:
            start, end = (sx + sw, sy + sh / 2), (tx, ty + th / 2)
            mid = (start[0] + end[0]) / 2
            points = [start, (mid, start[1]), (mid, end[1]), end]
        placed.append((fid, points))
    # A forward flow that would run through the shapes between its ends goes round them, above or below,
    # on its own track (the shortest innermost), the first on which it touches no flow already drawn.
    skips.sort(key=lambda f: position[f[2]][0] - position[f[1]][0])
    for fid, s, t in skips:
        sx, sy, sw, sh = position[s]
        tx, ty, tw, th = position[t]
        for depth in range(1, 8):
            above = highest - 30 * depth
            below = lowest + 30 * (depth - 1)
            up = [(sx + sw / 2, sy), (sx + sw / 2, above), (tx + tw / 2, above), (tx + tw / 2, ty)]
            down = [(sx + sw / 2, sy + sh), (sx + sw / 2, below), (tx + tw / 2, below), (tx + tw / 2, ty + th)]
            choice = next((p for p in (up, down) if not any(crosses(p, q) for _, q in placed)), None)
            if choice:
                break
        placed.append((fid, choice or down))
    for fid, points in placed:
        edge = ET.SubElement(plane, f"{{{DI}}}BPMNEdge", id=fid + "_di", bpmnElement=fid)
        for x, y in points:
            ET.SubElement(edge, f"{{{DDI}}}waypoint", x=str(int(x)), y=str(int(y)))


def blocked(position, s, t):
    """Whether the straight path from s to t runs through another shape."""
    sx, sy, sw, sh = position[s]
    tx, ty, tw, th = position[t]
    y = sy + sh / 2
    return any(n not in (s, t) and sx + sw < x < tx and yy <= y <= yy + h for n, (x, yy, w, h) in position.items())


def crosses(path, other):
    """Whether two orthogonal polylines touch anywhere but at a common start (two flows forking from one
    gateway may share their first leg)."""
    fork = path[0] == other[0]
    for i, (a, b) in enumerate(zip(path, path[1:])):
        for j, (c, d) in enumerate(zip(other, other[1:])):
            if fork and (i == 0 or j == 0):
                continue
            if touch((a, b), (c, d)):
                return True
    return False


def touch(p, q):
    """Whether two axis-parallel segments share a point."""
    (ax0, ax1), (ay0, ay1) = sorted((p[0][0], p[1][0])), sorted((p[0][1], p[1][1]))
    (bx0, bx1), (by0, by1) = sorted((q[0][0], q[1][0])), sorted((q[0][1], q[1][1]))
    return ax0 <= bx1 and bx0 <= ax1 and ay0 <= by1 and by0 <= ay1


if __name__ == "__main__":
    for file in sys.argv[1:]:
        layout(file)
        print("laid out", file)
