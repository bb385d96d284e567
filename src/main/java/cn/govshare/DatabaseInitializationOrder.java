package cn.govshare;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway, so GovShare's tables and Camunda's are created in a
 * fixed order on an empty database (registered in META-INF/spring.factories).
 */
public class DatabaseInitializationOrder implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new HashSet<>();
    names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, false, false)));
    names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngine.class, false, false)));
    return names.stream().map(BeanFactoryUtils::transformedBeanName).collect(Collectors.toSet());
  }
}
