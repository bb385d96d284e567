package cn.govshare.org;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo organisation of SPEC §4 (profile {@code demo}, never {@code prod}); password = user id. */
@Component
@Profile("demo & !prod")
@Order(10)
class DemoOrganisation implements SmartInitializingSingleton {

  static final List<Department> DEPARTMENTS = List.of(
      new Department("dsj", "市大数据局", "王敏", "operator"),
      new Department("gaj", "市公安局", "赵刚", "gaj-head"),
      new Department("scjgj", "市市场监管局", "刘洋", "scjgj-head"),
      new Department("rsj", "市人社局", "周涛", "rsj-head"),
      new Department("mzj", "市民政局", "吴芳", "mzj-applicant"),
      new Department("bgt", "市政府办公厅", "郑华", "office"));

  private final OrganisationSetup setup;

  DemoOrganisation(OrganisationSetup setup) {
    this.setup = setup;
  }

  @Override
  public void afterSingletonsInstantiated() {
    setup.ensureRoleGroups();
    DEPARTMENTS.forEach(setup::ensureDepartment);
    setup.ensureUser("operator", "王", "敏", "operator", "dsj", Groups.PLATFORM_OPERATORS);
    setup.ensureUser("gaj-reviewer", "李", "强", "gaj-reviewer", "gaj");
    setup.ensureUser("gaj-head", "赵", "刚", "gaj-head", "gaj", Groups.head("gaj"));
    setup.ensureUser("scjgj-reviewer", "陈", "静", "scjgj-reviewer", "scjgj");
    setup.ensureUser("scjgj-head", "刘", "洋", "scjgj-head", "scjgj", Groups.head("scjgj"));
    setup.ensureUser("rsj-applicant", "孙", "丽", "rsj-applicant", "rsj");
    setup.ensureUser("rsj-head", "周", "涛", "rsj-head", "rsj", Groups.head("rsj"));
    setup.ensureUser("mzj-applicant", "吴", "芳", "mzj-applicant", "mzj");
    setup.ensureUser("office", "郑", "华", "office", "bgt", Groups.GENERAL_OFFICE);
    setup.ensureUser("leader", "钱", "明", "leader", Groups.LEADING_GROUP);
    setup.ensureUser("supervisor", "冯", "磊", "supervisor", Groups.SUPERVISORS);
  }
}
