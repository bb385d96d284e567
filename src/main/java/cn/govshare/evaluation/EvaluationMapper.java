package cn.govshare.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EvaluationMapper {

  void insertEvaluation(@Param("e") Evaluation evaluation);

  Evaluation findEvaluation(@Param("year") int year);

  Evaluation findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  List<Evaluation> findByProcessInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  int updateState(@Param("year") int year, @Param("from") EvaluationState from, @Param("to") EvaluationState to);

  void updateReview(@Param("year") int year, @Param("remarks") String remarks, @Param("reviewedBy") String reviewedBy);

  void updatePublished(@Param("year") int year, @Param("at") Instant at);

  void insertReport(@Param("year") int year, @Param("department") String department);

  List<SelfReport> findReports(@Param("year") int year);

  /** Binds the task to the first department of the year (by code) that has no task yet. */
  int bindNextReport(@Param("year") int year, @Param("department") String department, @Param("taskId") String taskId);

  SelfReport findReportByTask(@Param("taskId") String taskId);

  int submitReport(@Param("taskId") String taskId, @Param("report") String report, @Param("by") String by,
      @Param("at") Instant at);

  void insertFigure(@Param("year") int year, @Param("f") EvaluationFigure figure);

  List<EvaluationFigure> findFigures(@Param("year") int year);
}
