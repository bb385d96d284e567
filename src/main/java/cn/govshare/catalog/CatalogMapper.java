package cn.govshare.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CatalogMapper {

  String CURRENT = "CURRENT";
  String PENDING = "PENDING";

  CatalogResource findResource(@Param("code") String code, @Param("revision") String revision);

  List<ResourceItem> findItems(@Param("code") String code, @Param("revision") String revision);

  List<ShareMode> findShareModes(@Param("code") String code, @Param("revision") String revision);

  List<HealthCheck> findHealthChecks();

  /** R4, nanchang 8 and 19: codes of the published entries open to the public (the open catalogue). */
  List<String> findOpenCodes();

  int countCodes(@Param("code") String code);

  long count(ResourceQuery query);

  List<CatalogSummary> search(ResourceQuery query);

  void insertResource(@Param("r") CatalogResource resource, @Param("revision") String revision);

  void insertItems(@Param("code") String code, @Param("revision") String revision,
      @Param("items") List<ResourceItem> items);

  void insertShareModes(@Param("code") String code, @Param("revision") String revision,
      @Param("modes") List<ShareMode> modes);

  void updateStatus(@Param("code") String code, @Param("revision") String revision,
      @Param("status") ResourceStatus status, @Param("version") int version, @Param("at") Instant at,
      @Param("by") String by);

  void deleteResource(@Param("code") String code, @Param("revision") String revision);

  void deleteItems(@Param("code") String code, @Param("revision") String revision);

  void deleteShareModes(@Param("code") String code, @Param("revision") String revision);

  void insertChange(@Param("c") CatalogChange change, @Param("key") GeneratedKey key);

  CatalogChange findChange(@Param("id") long id);

  CatalogChange latestChange(@Param("code") String code);

  int countOpenChanges(@Param("code") String code);

  void setChangeProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  void reviewChange(@Param("id") long id, @Param("state") ChangeState state, @Param("reviewedBy") String reviewedBy,
      @Param("reviewedAt") Instant reviewedAt, @Param("comment") String comment);

  void markApplied(@Param("id") long id, @Param("appliedAt") Instant appliedAt);

  void insertObligation(@Param("o") UpdateObligation obligation, @Param("key") GeneratedKey key);

  UpdateObligation findObligation(@Param("id") long id);

  UpdateObligation findObligationByProcess(@Param("processInstanceId") String processInstanceId);

  List<UpdateObligation> findObligationsByProcesses(@Param("processInstanceIds") Collection<String> processInstanceIds);

  CatalogChange findChangeByProcess(@Param("processInstanceId") String processInstanceId);

  List<CatalogChange> findChangesByProcesses(@Param("processInstanceIds") Collection<String> processInstanceIds);

  void setObligationProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  void fulfilObligation(@Param("id") long id, @Param("resourceCode") String resourceCode,
      @Param("at") Instant at);

  /**
   * R28: every applied publication, change and retirement before {@code to}; an entry loaded without a publication
   * record (demo data, imports) appears as published at its first recorded change, or its last update.
   */
  List<CatalogEvent> findCatalogEvents(@Param("to") Instant to);
}
