package cn.govshare;

import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Issue 25 (start-up): while the engine initialises, which is when it reads its MyBatis mapping files, the JAXP
 * lookup gives {@link MappingsXPath}; afterwards it gives what it gave before. An operator's own choice of XPath
 * (the system property set at start) is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineMappingsParse extends AbstractProcessEnginePlugin {

  static final String LOOKUP = XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

  private boolean installed;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    synchronized (EngineMappingsParse.class) {
      if (System.getProperty(LOOKUP) == null) {
        System.setProperty(LOOKUP, MappingsXPath.class.getName());
        installed = true;
      }
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    synchronized (EngineMappingsParse.class) {
      if (installed) {
        System.clearProperty(LOOKUP);
        installed = false;
      }
    }
  }
}
