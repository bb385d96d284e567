package cn.govshare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20: what Camunda Modeler (and any script) deploys through /engine-rest/deployment/create, and the web
 * apps through their engine API, is refused with 400 and only the Chinese reason as {@code message} when it
 * would break at run time, and nothing of it is deployed.
 */
@GovShareTest
class DeploymentRefusalTest {

  private static final String BOUNDARY = "govshareDeploymentTest";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Test
  void userTaskWhoseFormIsNotInTheDeploymentIsRefused() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", bpmn(key, "P3650D",
        "camunda:formRef=\"" + key + "-form\" camunda:formRefBinding=\"deployment\"", "")));

    assertRefused(response, key, key + "-form", "同一次部署");
  }

  @Test
  void formKeyNamingAFileNotInTheDeploymentIsRefused() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", bpmn(key, "P3650D",
        "camunda:formKey=\"camunda-forms:deployment:forms/" + key + ".form\"", "")));

    assertRefused(response, key, "forms/" + key + ".form", "不在本次部署中");
  }

  @Test
  void ruleNoPolicyProfileKnowsIsRefused() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", bpmn(key, "P3650D", "", rule("R99"))));

    assertRefused(response, key, "R99", "没有法定期限");
  }

  @Test
  void retentionShorterThanTheRegulationIsRefusedAs400NotAServerError() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", bpmn(key, "P30D", "", "")));

    assertRefused(response, key, "historyTimeToLive", "记录须至少保存");
  }

  @Test
  void theWebAppsEngineApiRefusesTheSameDeployment() {
    String key = key();
    ApiClient.Response response = WebappSession.login(port, "admin").send("POST", "/deployment/create",
        multipart(key, Map.of("p.bpmn", bpmn(key, "P3650D", "", rule("R99")))).getBytes(StandardCharsets.UTF_8),
        "multipart/form-data; boundary=" + BOUNDARY);

    assertRefused(response, key, "R99");
  }

  @Test
  void unreadableBpmnIsA400NotAServerError() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", "<bpmn:definitions xmlns:bpmn=\"x\">"));

    assertRefused(response, key, "p.bpmn", "不是有效的 BPMN");
  }

  @Test
  void deploymentWithItsFormAndAKnownRuleIsAccepted() {
    String key = key();
    String form = "{\"schemaVersion\": 16, \"type\": \"default\", \"id\": \"" + key + "-form\", \"components\": []}";
    Map<String, String> files = new LinkedHashMap<>();
    files.put(key + ".form", form);
    // R12 is absent from the jinan profile but present in others: a step skipped behind a gateway, not a typo
    files.put("p.bpmn", bpmn(key, "P3650D", "camunda:formRef=\"" + key + "-form\" camunda:formRefBinding=\"deployment\"",
        rule("R12")));

    ApiClient.Response response = deploy(key, files);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
    repository.deleteDeployment(response.json().path("id").asText(), true);
  }

  @Test
  void formDeployedBeforeMayBeReferencedByLatestBinding() {
    String key = key();
    ApiClient.Response response = deploy(key, Map.of("p.bpmn", bpmn(key, "P3650D",
        "camunda:formRef=\"normative-check\" camunda:formRefBinding=\"latest\"", "")));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    repository.deleteDeployment(response.json().path("id").asText(), true);
  }

  private void assertRefused(ApiClient.Response response, String key, String... reasons) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    String message = response.json().path("message").asText();
    assertThat(message).startsWith("部署被拒绝").contains(reasons)
        .doesNotContain("ENGINE-", "Exception", "at org.", "\n");
    assertThat(repository.createDeploymentQuery().deploymentName(key).count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  private ApiClient.Response deploy(String name, Map<String, String> files) {
    return ApiClient.as(port, "admin").send("POST", "/engine-rest/deployment/create", multipart(name, files),
        "multipart/form-data; boundary=" + BOUNDARY);
  }

  private static String multipart(String name, Map<String, String> files) {
    StringBuilder body = new StringBuilder("--" + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n");
    files.forEach((file, content) -> body.append("--").append(BOUNDARY)
        .append("\r\nContent-Disposition: form-data; name=\"").append(file).append("\"; filename=\"").append(file)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private static String key() {
    return "deployCheck" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String rule(String rule) {
    return "<bpmn:extensionElements><camunda:properties><camunda:property name=\"govshare.rule\" value=\"" + rule
        + "\"/></camunda:properties></bpmn:extensionElements>";
  }

  private static String bpmn(String key, String timeToLive, String taskAttributes, String taskExtensions) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://govshare.cn/test">
          <bpmn:process id="%s" name="部署检查" isExecutable="true" camunda:historyTimeToLive="%s">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <bpmn:userTask id="review" name="审核" camunda:candidateGroups="gaj" %s>%s</bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, timeToLive, taskAttributes, taskExtensions);
  }
}
