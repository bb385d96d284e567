package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class MappingsXPathTest {

  /** Every expression MyBatis 3.5 evaluates while it reads a configuration or a mapping file. */
  private static final List<String> MYBATIS = List.of("/configuration", "properties", "settings", "typeAliases",
      "plugins", "objectFactory", "objectWrapperFactory", "reflectorFactory", "environments", "transactionManager",
      "dataSource", "databaseIdProvider", "typeHandlers", "mappers", "/mapper", "cache-ref", "cache",
      "/mapper/parameterMap", "parameter", "/mapper/resultMap", "/mapper/sql", "select|insert|update|delete",
      "selectKey", "/script");

  private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();
  private final XPath children = new MappingsXPath().newXPath();

  @Test
  void selectsTheSameNodesInTheSameOrderAsTheJdkInEveryEngineAndGovShareMappingFile() throws Exception {
    List<Resource> files = new ArrayList<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    files.addAll(List.of(resolver.getResources("classpath*:org/camunda/bpm/engine/impl/mapping/**/*.xml")));
    files.addAll(List.of(resolver.getResources("classpath*:cn/govshare/**/*Mapper.xml")));
    assertThat(files).hasSizeGreaterThan(60);
    int compared = 0;
    int selected = 0;
    for (Resource file : files) {
      Document document = mybatisDocument(file);
      List<Node> contexts = new ArrayList<>(List.of(document));
      contexts.addAll(elements(document.getDocumentElement()));
      for (Node context : contexts) {
        for (String expression : MYBATIS) {
          NodeList expected = (NodeList) jdk.evaluate(expression, context, XPathConstants.NODESET);
          NodeList actual = (NodeList) children.evaluate(expression, context, XPathConstants.NODESET);
          assertThat(nodes(actual)).as("%s in %s at <%s>", expression, file, context.getNodeName())
              .containsExactlyElementsOf(nodes(expected));
          assertThat(children.evaluate(expression, context, XPathConstants.NODE))
              .isSameAs(jdk.evaluate(expression, context, XPathConstants.NODE));
          compared++;
          selected += expected.getLength();
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(selected).as("the comparison selected statements, keys and maps, not only empty sets")
        .isGreaterThan(3_000);
  }

  @Test
  void leavesNamesInNamespacesAndOtherExpressionsToTheJdk() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document bpmn;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/conditional-share-request.bpmn")) {
      bpmn = factory.newDocumentBuilder().parse(in);
    }
    assertThat(MappingsXPath.select("definitions", bpmn)).isNull();
    assertThat(MappingsXPath.select("process", bpmn.getDocumentElement())).isNull();
    assertThat(MappingsXPath.select("*", bpmn)).isNull();
    assertThat(MappingsXPath.select("//userTask", bpmn)).isNull();
    for (String expression : List.of("definitions", "*", "//*[local-name()='userTask']")) {
      assertThat(nodes((NodeList) children.evaluate(expression, bpmn, XPathConstants.NODESET)))
          .containsExactlyElementsOf(nodes((NodeList) jdk.evaluate(expression, bpmn, XPathConstants.NODESET)));
    }
    assertThat(children.evaluate("count(//*)", bpmn)).isEqualTo(jdk.evaluate("count(//*)", bpmn));
  }

  @Test
  void isTheLookupsAnswerOnlyWhileTheEngineInitialises() throws Exception {
    EngineMappingsParse parse = new EngineMappingsParse();
    assertThat(XPathFactory.newInstance()).isNotInstanceOf(MappingsXPath.class);
    parse.preInit(null);
    try {
      assertThat(XPathFactory.newInstance()).isInstanceOf(MappingsXPath.class);
    } finally {
      parse.postInit(null);
    }
    assertThat(XPathFactory.newInstance()).isNotInstanceOf(MappingsXPath.class);
    assertThat(System.getProperty(EngineMappingsParse.LOOKUP)).isNull();
  }

  @Test
  void leavesAnOperatorsOwnXPathAlone() {
    String own = XPathFactory.newDefaultInstance().getClass().getName();
    System.setProperty(EngineMappingsParse.LOOKUP, own);
    try {
      EngineMappingsParse parse = new EngineMappingsParse();
      parse.preInit(null);
      assertThat(System.getProperty(EngineMappingsParse.LOOKUP)).isEqualTo(own);
      parse.postInit(null);
      assertThat(System.getProperty(EngineMappingsParse.LOOKUP)).isEqualTo(own);
    } finally {
      System.clearProperty(EngineMappingsParse.LOOKUP);
    }
  }

  /** Parsed as MyBatis' {@code XPathParser} parses: validating against the DTD, comments left out. */
  private static Document mybatisDocument(Resource file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(true);
    factory.setNamespaceAware(false);
    factory.setIgnoringComments(true);
    factory.setIgnoringElementContentWhitespace(false);
    factory.setCoalescing(false);
    var builder = factory.newDocumentBuilder();
    builder.setEntityResolver(new XMLMapperEntityResolver());
    try (InputStream in = file.getInputStream()) {
      return builder.parse(in);
    }
  }

  private static List<Element> elements(Element root) {
    List<Element> all = new ArrayList<>(List.of(root));
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        all.addAll(elements(element));
      }
    }
    return all;
  }

  private static List<Node> nodes(NodeList list) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      nodes.add(list.item(i));
    }
    return nodes;
  }
}
