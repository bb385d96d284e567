package cn.govshare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Issue 25 (start-up): the JDK's XPath for the expressions MyBatis asks while it reads mapping files, answered by
 * walking the element's children. The JDK's own implementation builds a new view of the whole document for every
 * evaluation and walks it from the root to the element, so reading one large mapping file costs time in the square
 * of its size; Camunda's 50 mapping files made that about an eighth of the main thread's start-up. Only node-set
 * and node results of child steps are answered here ({@code selectKey}, {@code /mapper/sql},
 * {@code select|insert|update|delete}): the very nodes, in the same order, the JDK gives. Every other expression,
 * result type, context or document with namespaces or prefixed names goes to the JDK's implementation unchanged.
 * {@link EngineMappingsParse} installs it only while the engine reads its mappings.
 */
public final class MappingsXPath extends XPathFactory {

  /** A path of child steps by name, optionally from the document ({@code /mapper/resultMap}). */
  private static final Pattern PATH = Pattern.compile("/?[A-Za-z_][\\w.-]*(/[A-Za-z_][\\w.-]*)*");
  /** A union of single child steps ({@code select|insert|update|delete}). */
  private static final Pattern UNION = Pattern.compile("[A-Za-z_][\\w.-]*(\\|[A-Za-z_][\\w.-]*)+");

  private final XPathFactory jdk = XPathFactory.newDefaultInstance();

  /** Public, with no arguments: the JAXP lookup creates it by its class name. */
  public MappingsXPath() {
    // the JDK's factory above answers everything this one does not
  }

  @Override
  public boolean isObjectModelSupported(String objectModel) {
    return XPathFactory.DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
  }

  @Override
  public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
    jdk.setFeature(name, value);
  }

  @Override
  public boolean getFeature(String name) throws XPathFactoryConfigurationException {
    return jdk.getFeature(name);
  }

  @Override
  public void setXPathVariableResolver(XPathVariableResolver resolver) {
    jdk.setXPathVariableResolver(resolver);
  }

  @Override
  public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
    jdk.setXPathFunctionResolver(resolver);
  }

  @Override
  public XPath newXPath() {
    return new ChildSteps(jdk.newXPath());
  }

  /**
   * The nodes {@code expression} selects from {@code context}, in document order, or {@code null} when the
   * expression or the document is not one this class answers.
   */
  static List<Node> select(String expression, Object context) {
    if (!(context instanceof Document || context instanceof org.w3c.dom.Element)) {
      return null;
    }
    Node start = (Node) context;
    List<Set<String>> steps = new ArrayList<>();
    if (UNION.matcher(expression).matches()) {
      steps.add(Set.of(expression.split("\\|")));
    } else if (PATH.matcher(expression).matches()) {
      if (expression.startsWith("/")) {
        start = start instanceof Document document ? document : start.getOwnerDocument();
        expression = expression.substring(1);
      }
      for (String name : expression.split("/")) {
        steps.add(Set.of(name));
      }
    } else {
      return null;
    }
    List<Node> nodes = List.of(start);
    for (Set<String> names : steps) {
      List<Node> next = new ArrayList<>();
      for (Node node : nodes) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child.getNodeType() != Node.ELEMENT_NODE) {
            continue;
          }
          if (child.getNamespaceURI() != null || child.getNodeName().indexOf(':') >= 0) {
            return null; // names in namespaces: the JDK's name tests
          }
          if (names.contains(child.getNodeName())) {
            next.add(child);
          }
        }
      }
      nodes = next;
    }
    return nodes;
  }

  /** The JDK's XPath, with the child steps answered first. */
  private static final class ChildSteps implements XPath {

    private final XPath jdk;

    ChildSteps(XPath jdk) {
      this.jdk = jdk;
    }

    @Override
    public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
      if (XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType)) {
        List<Node> nodes = select(expression, item);
        if (nodes != null) {
          return XPathConstants.NODE.equals(returnType) ? (nodes.isEmpty() ? null : nodes.get(0)) : new Nodes(nodes);
        }
      }
      return jdk.evaluate(expression, item, returnType);
    }

    @Override
    public String evaluate(String expression, Object item) throws XPathExpressionException {
      return jdk.evaluate(expression, item);
    }

    @Override
    public Object evaluate(String expression, InputSource source, QName returnType)
        throws XPathExpressionException {
      return jdk.evaluate(expression, source, returnType);
    }

    @Override
    public String evaluate(String expression, InputSource source) throws XPathExpressionException {
      return jdk.evaluate(expression, source);
    }

    @Override
    public XPathExpression compile(String expression) throws XPathExpressionException {
      return jdk.compile(expression);
    }

    @Override
    public void reset() {
      jdk.reset();
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
      jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public XPathVariableResolver getXPathVariableResolver() {
      return jdk.getXPathVariableResolver();
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
      jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPathFunctionResolver getXPathFunctionResolver() {
      return jdk.getXPathFunctionResolver();
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
      jdk.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
      return jdk.getNamespaceContext();
    }
  }

  private record Nodes(List<Node> nodes) implements NodeList {

    @Override
    public Node item(int index) {
      return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
    }

    @Override
    public int getLength() {
      return nodes.size();
    }
  }
}
