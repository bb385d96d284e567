package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Issue 19: every process reads at a glance in Modeler and Cockpit — everything is drawn, no flows cross, no flow
 * runs through a step it does not connect, no label covers another label or a shape, no shapes overlap. Reads
 * the BPMNDI of every bpmn/*.bpmn the way bpmn-js (Modeler, Cockpit) lays it out: a label without bounds sits
 * where bpmn-js puts it by default, and its size is estimated from its text (11 px external label font, text
 * wrapped at 90 px or the declared label width).
 */
class BpmnLayoutTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  private static final double EPS = 0.01;
  /** bpmn-js LabelUtil: DEFAULT_LABEL_SIZE 90 x 20, FLOW_LABEL_INDENT 15; TextRenderer: external font 11 px. */
  private static final double LABEL_WIDTH = 90;
  private static final double LABEL_HEIGHT = 20;
  private static final double FLOW_LABEL_INDENT = 15;
  private static final double LINE_HEIGHT = 11 * 1.2;

  enum Check { EVERYTHING_DRAWN, NO_CROSSING_FLOWS, NO_FLOW_THROUGH_SHAPES, NO_OVERLAPPING_LABELS, NO_OVERLAPPING_SHAPES }

  @TestFactory
  Stream<DynamicNode> everyProcessDiagramReadsAtAGlance() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(System.getProperty("bpmnLayoutTest.dir", "bpmn")))) {
      files = listing.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> {
      Diagram diagram = Diagram.read(file);
      String name = file.getFileName().toString();
      return DynamicContainer.dynamicContainer(name, Stream.of(
          check(name, Check.EVERYTHING_DRAWN, "every flow node and sequence flow has a shape or edge",
              diagram, Diagram::undrawn),
          check(name, Check.NO_CROSSING_FLOWS, "no two sequence flows cross", diagram, Diagram::crossings),
          check(name, Check.NO_FLOW_THROUGH_SHAPES, "no sequence flow runs through a shape it does not connect",
              diagram, Diagram::flowsThroughShapes),
          check(name, Check.NO_OVERLAPPING_LABELS, "no label overlaps another label or a shape", diagram,
              Diagram::overlappingLabels),
          check(name, Check.NO_OVERLAPPING_SHAPES, "no two shapes overlap", diagram, Diagram::overlappingShapes)));
    });
  }

  private static DynamicTest check(String file, Check check, String title, Diagram diagram,
      Function<Diagram, List<String>> problems) {
    return DynamicTest.dynamicTest(title, () -> {
      assertThat(problems.apply(diagram)).as("%s: %s (%s)", file, title, check).isEmpty();
    });
  }

  record Point(double x, double y) {
    @Override
    public String toString() {
      return "(" + Math.round(x) + "," + Math.round(y) + ")";
    }
  }

  record Box(double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w - EPS && o.x < x + w - EPS && y < o.y + o.h - EPS && o.y < y + h - EPS;
    }

    boolean contains(Box o) {
      return o.x >= x - EPS && o.y >= y - EPS && o.x + o.w <= x + w + EPS && o.y + o.h <= y + h + EPS;
    }

    boolean containsPoint(Point p, double margin) {
      return p.x >= x - margin && p.x <= x + w + margin && p.y >= y - margin && p.y <= y + h + margin;
    }

    /** Whether the segment a-b enters this box's interior (Liang–Barsky clipping against the box shrunk by EPS). */
    boolean crossedBy(Point a, Point b) {
      double[] t = {0, 1};
      double dx = b.x - a.x;
      double dy = b.y - a.y;
      return clip(-dx, a.x - (x + 1), t) && clip(dx, (x + w - 1) - a.x, t) && clip(-dy, a.y - (y + 1), t)
          && clip(dy, (y + h - 1) - a.y, t) && t[1] - t[0] > EPS;
    }

    private static boolean clip(double p, double q, double[] t) {
      if (Math.abs(p) < 1e-9) {
        return q >= 0;
      }
      double r = q / p;
      if (p < 0) {
        t[0] = Math.max(t[0], r);
      } else {
        t[1] = Math.min(t[1], r);
      }
      return t[0] <= t[1];
    }

    @Override
    public String toString() {
      return "[" + Math.round(x) + "," + Math.round(y) + " " + Math.round(w) + "x" + Math.round(h) + "]";
    }
  }

  record Shape(String id, String type, Box bounds, String attachedTo) {
  }

  record Edge(String id, String source, String target, List<Point> points) {
  }

  record Label(String owner, String text, Box bounds) {
  }

  /** One file: its semantic elements and, per BPMNPlane, the shapes and edges drawn there. */
  record Diagram(Map<String, Element> semantic, Map<String, String> parent, List<Plane> planes) {

    static Diagram read(Path file) {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Map<String, Element> semantic = new LinkedHashMap<>();
        Map<String, String> parent = new LinkedHashMap<>();
        for (Element process : children(doc.getDocumentElement(), BPMN, "process")) {
          collect(process, semantic, parent);
        }
        List<Plane> planes = new ArrayList<>();
        NodeList planeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNPlane");
        for (int i = 0; i < planeNodes.getLength(); i++) {
          planes.add(Plane.read((Element) planeNodes.item(i), semantic));
        }
        return new Diagram(semantic, parent, planes);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }

    private static void collect(Element container, Map<String, Element> semantic, Map<String, String> parent) {
      for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()) {
          semantic.put(e.getAttribute("id"), e);
          parent.put(e.getAttribute("id"), container.getAttribute("id"));
          collect(e, semantic, parent);
        }
      }
    }

    List<String> undrawn() {
      Set<String> drawn = new LinkedHashSet<>();
      planes.forEach(p -> {
        drawn.addAll(p.shapes.keySet());
        drawn.addAll(p.edges.keySet());
      });
      return semantic.entrySet().stream()
          .filter(e -> isFlowNode(e.getValue().getLocalName()) || "sequenceFlow".equals(e.getValue().getLocalName()))
          .map(Map.Entry::getKey).filter(id -> !drawn.contains(id)).map(id -> id + " has no shape or edge").toList();
    }

    List<String> crossings() {
      List<String> problems = new ArrayList<>();
      for (Plane plane : planes) {
        List<Edge> edges = List.copyOf(plane.edges.values());
        for (int i = 0; i < edges.size(); i++) {
          for (int j = i + 1; j < edges.size(); j++) {
            String problem = plane.crossing(edges.get(i), edges.get(j));
            if (problem != null) {
              problems.add(problem);
            }
          }
        }
      }
      return problems;
    }

    List<String> flowsThroughShapes() {
      List<String> problems = new ArrayList<>();
      for (Plane plane : planes) {
        for (Edge edge : plane.edges.values()) {
          for (Shape shape : plane.shapes.values()) {
            if (connects(edge, shape.id) || isAncestor(shape.id, edge.source) || isAncestor(shape.id, edge.target)
                || shape.id.equals(attachedTo(edge.source))) {
              continue;
            }
            for (int k = 0; k + 1 < edge.points.size(); k++) {
              if (shape.bounds.crossedBy(edge.points.get(k), edge.points.get(k + 1))) {
                problems.add(edge.id + " runs through " + shape.id + " " + shape.bounds + " between "
                    + edge.points.get(k) + " and " + edge.points.get(k + 1));
                break;
              }
            }
          }
        }
      }
      return problems;
    }

    List<String> overlappingLabels() {
      List<String> problems = new ArrayList<>();
      for (Plane plane : planes) {
        List<Label> labels = plane.labels(semantic);
        for (int i = 0; i < labels.size(); i++) {
          Label a = labels.get(i);
          for (int j = i + 1; j < labels.size(); j++) {
            Label b = labels.get(j);
            if (a.bounds.overlaps(b.bounds)) {
              problems.add("label of " + a.owner + " '" + a.text + "' " + a.bounds + " overlaps label of " + b.owner
                  + " '" + b.text + "' " + b.bounds);
            }
          }
          for (Shape shape : plane.shapes.values()) {
            if (a.bounds.overlaps(shape.bounds) && !isAncestor(shape.id, a.owner)) {
              problems.add("label of " + a.owner + " '" + a.text + "' " + a.bounds + " overlaps shape " + shape.id
                  + " " + shape.bounds);
            }
          }
        }
      }
      return problems;
    }

    List<String> overlappingShapes() {
      List<String> problems = new ArrayList<>();
      for (Plane plane : planes) {
        List<Shape> shapes = List.copyOf(plane.shapes.values());
        for (int i = 0; i < shapes.size(); i++) {
          for (int j = i + 1; j < shapes.size(); j++) {
            Shape a = shapes.get(i);
            Shape b = shapes.get(j);
            boolean nested = isAncestor(a.id, b.id) || isAncestor(b.id, a.id);
            boolean boundary = a.id.equals(b.attachedTo) || b.id.equals(a.attachedTo);
            if (a.bounds.overlaps(b.bounds) && !nested && !boundary) {
              problems.add(a.id + " " + a.bounds + " overlaps " + b.id + " " + b.bounds);
            }
          }
        }
      }
      return problems;
    }

    private boolean isAncestor(String ancestor, String id) {
      for (String p = parent.get(id); p != null; p = parent.get(p)) {
        if (p.equals(ancestor)) {
          return true;
        }
      }
      return false;
    }

    private String attachedTo(String id) {
      Element e = semantic.get(id);
      return e == null ? null : e.getAttribute("attachedToRef");
    }

    private static boolean connects(Edge edge, String shape) {
      return shape.equals(edge.source) || shape.equals(edge.target);
    }
  }

  record Plane(Map<String, Shape> shapes, Map<String, Edge> edges, Map<String, Box> declaredLabels) {

    static Plane read(Element plane, Map<String, Element> semantic) {
      Map<String, Shape> shapes = new LinkedHashMap<>();
      Map<String, Edge> edges = new LinkedHashMap<>();
      Map<String, Box> labels = new LinkedHashMap<>();
      for (Element di : children(plane, BPMNDI, "BPMNShape")) {
        String id = di.getAttribute("bpmnElement");
        Element e = semantic.get(id);
        Box bounds = box(children(di, DC, "Bounds").get(0));
        shapes.put(id, new Shape(id, e == null ? "?" : e.getLocalName(), bounds,
            e == null ? "" : e.getAttribute("attachedToRef")));
        declaredLabel(di).ifPresent(b -> labels.put(id, b));
      }
      for (Element di : children(plane, BPMNDI, "BPMNEdge")) {
        String id = di.getAttribute("bpmnElement");
        Element e = semantic.get(id);
        List<Point> points = children(di, DI, "waypoint").stream()
            .map(w -> new Point(Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))))
            .toList();
        if (e != null && "sequenceFlow".equals(e.getLocalName())) {
          edges.put(id, new Edge(id, e.getAttribute("sourceRef"), e.getAttribute("targetRef"), points));
        }
        declaredLabel(di).ifPresent(b -> labels.put(id, b));
      }
      return new Plane(shapes, edges, labels);
    }

    private static Optional<Box> declaredLabel(Element di) {
      return children(di, BPMNDI, "BPMNLabel").stream().flatMap(l -> children(l, DC, "Bounds").stream())
          .findFirst().map(BpmnLayoutTest::box);
    }

    /** The external labels bpmn-js draws: events, gateways and sequence flows that have a name. */
    List<Label> labels(Map<String, Element> semantic) {
      List<Label> labels = new ArrayList<>();
      for (Shape shape : shapes.values()) {
        String text = name(semantic.get(shape.id));
        if (!text.isEmpty() && (shape.type.endsWith("Event") || shape.type.endsWith("Gateway"))) {
          Box b = shape.bounds;
          labels.add(layout(shape.id, text, declaredLabels.getOrDefault(shape.id,
              new Box(b.x + b.w / 2 - LABEL_WIDTH / 2, b.y + b.h, LABEL_WIDTH, LABEL_HEIGHT))));
        }
      }
      for (Edge edge : edges.values()) {
        String text = name(semantic.get(edge.id));
        if (!text.isEmpty()) {
          labels.add(layout(edge.id, text, declaredLabels.getOrDefault(edge.id, defaultFlowLabel(edge.points))));
        }
      }
      return labels;
    }

    /** bpmn-js LabelUtil.getFlowLabelPosition: the middle of the middle segment, 15 px above (or right of) it. */
    private static Box defaultFlowLabel(List<Point> points) {
      double mid = points.size() / 2.0 - 1;
      Point first = points.get((int) Math.floor(mid));
      Point second = points.get((int) Math.ceil(mid + 0.01));
      double x = first.x + (second.x - first.x) / 2;
      double y = first.y + (second.y - first.y) / 2;
      double angle = Math.atan((second.y - first.y) / (second.x - first.x));
      if (Math.abs(angle) < Math.PI / 2) {
        y -= FLOW_LABEL_INDENT;
      } else {
        x += FLOW_LABEL_INDENT;
      }
      return new Box(x - LABEL_WIDTH / 2, y - LABEL_HEIGHT / 2, LABEL_WIDTH, LABEL_HEIGHT);
    }

    /** bpmn-js TextRenderer.getExternalLabelBounds: the text wrapped in the box, centred on it, from its top. */
    private static Label layout(String owner, String text, Box declared) {
      double wrap = Math.max(declared.w, LABEL_WIDTH);
      List<Double> lines = new ArrayList<>();
      double line = 0;
      for (int cp : text.codePoints().toArray()) {
        double w = charWidth(cp);
        if (cp == '\n' || line + w > wrap && line > 0) {
          lines.add(line);
          line = 0;
        }
        line += cp == '\n' ? 0 : w;
      }
      lines.add(line);
      double width = Math.ceil(lines.stream().mapToDouble(Double::doubleValue).max().orElse(0));
      double height = Math.ceil(lines.size() * LINE_HEIGHT);
      return new Label(owner, text, new Box(declared.x + declared.w / 2 - width / 2, declared.y, width, height));
    }

    /**
     * Advance of one character in 11 px Arial, CJK in Noto Sans CJK (full width), rounded up: within 0.5 px of
     * the widths bpmn-js measured for every label in bpmn/ (src/build/bpmn_layout.py uses the same numbers).
     */
    private static double charWidth(int cp) {
      if (cp >= 0x2E80 || cp >= 0x3000 && cp <= 0x303F) {
        return 11;
      }
      if (cp == ' ') {
        return 3.1;
      }
      if ("()[]ijlft.,:;!|'".indexOf(cp) >= 0) {
        return 3.7;
      }
      if (Character.isUpperCase(cp) || cp == 'm' || cp == 'w') {
        return 8;
      }
      return 6.2;
    }

    /** Null when the two flows meet only where they share a shape (a fork or a merge), else what is wrong. */
    String crossing(Edge a, Edge b) {
      Set<String> shared = new LinkedHashSet<>(List.of(a.source, a.target));
      shared.retainAll(Set.of(b.source, b.target));
      for (int i = 0; i + 1 < a.points.size(); i++) {
        for (int j = 0; j + 1 < b.points.size(); j++) {
          Point p1 = a.points.get(i);
          Point p2 = a.points.get(i + 1);
          Point q1 = b.points.get(j);
          Point q2 = b.points.get(j + 1);
          double rx = p2.x - p1.x;
          double ry = p2.y - p1.y;
          double sx = q2.x - q1.x;
          double sy = q2.y - q1.y;
          double denom = rx * sy - ry * sx;
          double qpx = q1.x - p1.x;
          double qpy = q1.y - p1.y;
          if (Math.abs(denom) < 1e-9) {
            if (Math.abs(qpx * ry - qpy * rx) > 1e-6 || !collinearOverlap(p1, p2, q1, q2)) {
              continue;
            }
            if (shared.isEmpty()) {
              return a.id + " and " + b.id + " run along the same line near " + q1;
            }
            continue;
          }
          double t = (qpx * sy - qpy * sx) / denom;
          double u = (qpx * ry - qpy * rx) / denom;
          if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) {
            continue;
          }
          Point hit = new Point(p1.x + t * rx, p1.y + t * ry);
          boolean atSharedShape = shared.stream().anyMatch(s -> shapes.containsKey(s)
              && shapes.get(s).bounds.containsPoint(hit, 1));
          boolean interior = t > EPS && t < 1 - EPS && u > EPS && u < 1 - EPS;
          if (shared.isEmpty() || interior && !atSharedShape) {
            return a.id + " crosses " + b.id + " at " + hit;
          }
        }
      }
      return null;
    }

    private static boolean collinearOverlap(Point p1, Point p2, Point q1, Point q2) {
      boolean horizontal = Math.abs(p2.x - p1.x) >= Math.abs(p2.y - p1.y);
      double a1 = horizontal ? Math.min(p1.x, p2.x) : Math.min(p1.y, p2.y);
      double a2 = horizontal ? Math.max(p1.x, p2.x) : Math.max(p1.y, p2.y);
      double b1 = horizontal ? Math.min(q1.x, q2.x) : Math.min(q1.y, q2.y);
      double b2 = horizontal ? Math.max(q1.x, q2.x) : Math.max(q1.y, q2.y);
      return Math.min(a2, b2) - Math.max(a1, b1) > EPS;
    }
  }

  private static boolean isFlowNode(String type) {
    return type.endsWith("Task") || type.endsWith("Event") || type.endsWith("Gateway")
        || Set.of("task", "subProcess", "callActivity", "transaction", "adHocSubProcess").contains(type);
  }

  private static String name(Element e) {
    return e == null ? "" : e.getAttribute("name").strip();
  }

  private static Box box(Element bounds) {
    return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }
}
