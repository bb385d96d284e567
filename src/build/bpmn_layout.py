#!/usr/bin/env python3
"""Adds (or replaces) a BPMN diagram (BPMNDI) in GovShare's hand-written BPMN files, so that Cockpit
shows the process and Camunda Modeler can open it. Left-to-right layers by longest path from the
start event; back edges (loops) are routed below; each sub-process is drawn collapsed and laid out on
a plane of its own (Cockpit and Modeler drill down into it). Usage: python3 src/build/bpmn_layout.py bpmn/*.bpmn"""
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
    scopes = [process]
    while scopes:
        # a sub-process is drawn collapsed on its parent's plane and laid out on a plane of its own (drill-down)
        scope = scopes.pop(0)
        plane(root, scope)
        scopes.extend(scope.findall(f"{{{BPMN}}}subProcess"))
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def plane(root, process):
    nodes, flows, attached = {}, [], {}
    for child in process:
        tag = child.tag.split("}")[1]
        if tag == "sequenceFlow":
            flows.append((child.get("id"), child.get("sourceRef"), child.get("targetRef")))
        elif tag == "boundaryEvent":
            attached[child.get("id")] = child.get("attachedToRef")
        elif tag not in ("documentation", "extensionElements"):
            nodes[child.get("id")] = tag
    outgoing = {n: [] for n in nodes}
    for fid, s, t in flows:
        # a boundary event's flow leaves from its host activity's column
        outgoing[attached.get(s, s)].append(t)
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
    for event, host in attached.items():
        hx, hy, hw, hh = position[host]
        position[event] = (hx + hw - 28, hy + hh - 18, 36, 36)
    diagram = ET.SubElement(root, f"{{{DI}}}BPMNDiagram", id=process.get("id") + "_diagram")
    plane_element = ET.SubElement(diagram, f"{{{DI}}}BPMNPlane", id=process.get("id") + "_plane",
                                  bpmnElement=process.get("id"))
    for n, (x, y, w, h) in position.items():
        shape = ET.SubElement(plane_element, f"{{{DI}}}BPMNShape", id=n + "_di", bpmnElement=n)
        if nodes.get(n) == "exclusiveGateway":
            shape.set("isMarkerVisible", "true")
        if nodes.get(n) == "subProcess":
            shape.set("isExpanded", "false")
        ET.SubElement(shape, f"{{{DC}}}Bounds", x=str(int(x)), y=str(int(y)), width=str(w), height=str(h))
    lowest = max(y + h for x, y, w, h in position.values()) + 40
    for fid, s, t in flows:
        if s not in position or t not in position:
            continue
        sx, sy, sw, sh = position[s]
        tx, ty, tw, th = position[t]
        edge = ET.SubElement(plane_element, f"{{{DI}}}BPMNEdge", id=fid + "_di", bpmnElement=fid)
        if (s, t) in back or tx <= sx:
            points = [(sx + sw / 2, sy + sh), (sx + sw / 2, lowest), (tx + tw / 2, lowest), (tx + tw / 2, ty + th)]
        else:
            start, end = (sx + sw, sy + sh / 2), (tx, ty + th / 2)
            mid = (start[0] + end[0]) / 2
            points = [start, (mid, start[1]), (mid, end[1]), end]
        for x, y in points:
            ET.SubElement(edge, f"{{{DDI}}}waypoint", x=str(int(x)), y=str(int(y)))


if __name__ == "__main__":
    for file in sys.argv[1:]:
        layout(file)
        print("laid out", file)
