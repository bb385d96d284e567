package cn.govshare.org;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments, read on every authenticated call, so kept in memory and reloaded on change. */
@Service
public class DepartmentService {

  private final DepartmentMapper mapper;
  private final AtomicReference<Directory> directory = new AtomicReference<>();

  DepartmentService(DepartmentMapper mapper) {
    this.mapper = mapper;
  }

  /** This platform's own departments (a lower platform standing as applicant here is none of them). */
  public List<Department> all() {
    Directory current = directory();
    return current.byCode().values().stream().filter(d -> !current.lowerPlatforms().contains(d.code()))
        .sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  /** A department by code, including a lower platform registered here (R24), so that its name reads. */
  public Optional<Department> find(String code) {
    return Optional.ofNullable(code).map(directory().byCode()::get);
  }

  /** A department's name, or its code where no department has it (a name for every code a record holds). */
  public String nameOf(String code) {
    return find(code).map(Department::name).orElse(code);
  }

  /**
   * R24: a lower platform as the applicant of the applications it forwards here: a row with its code and name,
   * no group, no head, left out of {@link #all()}. Idempotent; refuses a code of one of our own departments.
   */
  @Transactional
  public void registerLowerPlatform(String code, String name) {
    Department existing = mapper.findByCode(code);
    if (existing == null) {
      mapper.insertLowerPlatform(new Department(code, name, null, null));
      directory.set(null);
    } else if (!mapper.findLowerPlatformCodes().contains(code)) {
      throw new IllegalStateException("department " + code + " exists and is no lower platform");
    }
  }

  void insert(Department department) {
    mapper.insert(department);
    directory.set(null);
  }

  private record Directory(Map<String, Department> byCode, Set<String> lowerPlatforms) {
  }

  private Directory directory() {
    Directory current = directory.get();
    if (current == null) {
      current = new Directory(mapper.findAll().stream()
          .collect(Collectors.toUnmodifiableMap(Department::code, Function.identity())),
          Set.copyOf(mapper.findLowerPlatformCodes()));
      directory.set(current);
    }
    return current;
  }
}
