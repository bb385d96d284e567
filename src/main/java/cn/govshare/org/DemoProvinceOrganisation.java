package cn.govshare.org;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A provincial demo organisation (profile {@code demo-province}, never {@code prod}; password = user id): the
 * upper platform of the city demo (R24). Its own operator (省大数据局) and providers (省厅) with reviewers and
 * heads; the city's service account is registered by the federation feature (DemoProvincePeer).
 */
@Component
@Profile("demo-province & !prod")
@Order(10)
class DemoProvinceOrganisation implements SmartInitializingSingleton {

  static final List<Department> DEPARTMENTS = List.of(
      new Department("sdsj", "省大数据局", "何伟", "sdsj-operator"),
      new Department("sgat", "省公安厅", "黄军", "sgat-head"),
      new Department("srst", "省人社厅", "林霞", "srst-head"),
      new Department("smzt", "省民政厅", "许文", "smzt-head"),
      new Department("szfbgt", "省政府办公厅", "罗平", "sbgt-office"));

  private final OrganisationSetup setup;

  DemoProvinceOrganisation(OrganisationSetup setup) {
    this.setup = setup;
  }

  @Override
  public void afterSingletonsInstantiated() {
    setup.ensureRoleGroups();
    DEPARTMENTS.forEach(setup::ensureDepartment);
    setup.ensureUser("sdsj-operator", "何", "伟", "sdsj-operator", "sdsj", Groups.PLATFORM_OPERATORS);
    for (String dept : List.of("sgat", "srst", "smzt")) {
      setup.ensureUser(dept + "-reviewer", "省厅", "审核员", dept + "-reviewer", dept);
      setup.ensureUser(dept + "-head", "省厅", "负责人", dept + "-head", dept, Groups.head(dept));
    }
    setup.ensureUser("sbgt-office", "罗", "平", "sbgt-office", "szfbgt", Groups.GENERAL_OFFICE);
    setup.ensureUser("prov-supervisor", "邓", "洁", "prov-supervisor", Groups.SUPERVISORS);
  }
}
