package cn.govshare.sharing;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SharingMapper {

  void insertRequest(@Param("r") ShareRequest request, @Param("key") GeneratedKey key);

  void updateBusinessKey(@Param("id") long id, @Param("businessKey") String businessKey);

  int bindProcessInstance(@Param("businessKey") String businessKey,
      @Param("processInstanceId") String processInstanceId);

  void updateRoute(@Param("id") long id, @Param("route") String route);

  String findRoute(long id);

  /** The only statement that writes the status column: guarded by the expected current status. */
  int transition(@Param("id") long id, @Param("from") RequestStatus from, @Param("to") RequestStatus to,
      @Param("grantId") Long grantId, @Param("reason") String reason, @Param("decidedAt") Instant decidedAt);

  AnswerPeriod findAnswerPeriod(long id);

  int startAnswerPeriod(@Param("id") long id, @Param("at") Instant at);

  int restartAnswerPeriod(@Param("id") long id, @Param("at") Instant at);

  int extendAnswerPeriod(@Param("id") long id, @Param("days") int days, @Param("max") int max);

  int countIncompleteNotice(long id);

  void updateDisputeRef(@Param("id") long id, @Param("disputeRef") String disputeRef);

  ShareRequest findRequest(long id);

  ShareRequest findRequestByBusinessKey(String businessKey);

  ShareRequest findRequestByInstance(String processInstanceId);

  List<ShareRequest> findRequestsByInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  List<ShareRequest> findRequestsOf(@Param("department") String department, @Param("limit") int limit);

  void insertStep(RequestStep step);

  List<RequestStep> findSteps(long requestId);

  void insertGrant(@Param("g") Grant grant, @Param("key") GeneratedKey key);

  Grant findGrant(long id);

  List<Grant> findGrantsBySource(@Param("sourceType") String sourceType, @Param("sourceRef") String sourceRef);

  List<Grant> findGrants(@Param("department") String department, @Param("resourceCode") String resourceCode,
      @Param("visibleTo") String visibleTo, @Param("limit") int limit);

  Set<String> findActiveHolders(@Param("resourceCode") String resourceCode, @Param("today") LocalDate today);

  int updateGrantStatus(@Param("id") long id, @Param("from") GrantStatus from, @Param("to") GrantStatus to,
      @Param("reason") String reason, @Param("by") String by, @Param("at") Instant at);

  /** R28: the providers' answers (step {@code providerAuthorization}) recorded in [from, to). */
  List<ProviderAnswer> findProviderAnswers(@Param("from") Instant from, @Param("to") Instant to);
}
