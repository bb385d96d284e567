package cn.govshare;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment that would break running work (a form it needs is missing, a {@code govshare.rule} no profile
 * knows, records kept too briefly): refused before anything is deployed. A {@link BadUserRequestException}, so
 * /engine-rest and the web apps answer 400 with only this Chinese reason as {@code message} (issue 20; Camunda
 * Modeler shows that field).
 */
public class DeploymentRejection extends BadUserRequestException {

  public DeploymentRejection(String reason) {
    super("部署被拒绝，未部署任何内容：" + reason);
  }
}
