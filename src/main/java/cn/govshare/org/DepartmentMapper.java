package cn.govshare.org;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface DepartmentMapper {

  List<Department> findAll();

  Department findByCode(String code);

  int insert(Department department);

  List<String> findLowerPlatformCodes();

  int insertLowerPlatform(Department department);
}
