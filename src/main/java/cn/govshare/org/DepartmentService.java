package cn.govshare.org;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Departments, read on every authenticated call, so kept in memory and reloaded on change. */
@Service
public class DepartmentService {

  private final DepartmentMapper mapper;
  private final AtomicReference<Map<String, Department>> byCode = new AtomicReference<>();

  DepartmentService(DepartmentMapper mapper) {
    this.mapper = mapper;
  }

  public List<Department> all() {
    return departments().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  public Optional<Department> find(String code) {
    return Optional.ofNullable(code).map(departments()::get);
  }

  void insert(Department department) {
    mapper.insert(department);
    byCode.set(null);
  }

  private Map<String, Department> departments() {
    Map<String, Department> current = byCode.get();
    if (current == null) {
      current = mapper.findAll().stream().collect(Collectors.toUnmodifiableMap(Department::code, Function.identity()));
      byCode.set(current);
    }
    return current;
  }
}
