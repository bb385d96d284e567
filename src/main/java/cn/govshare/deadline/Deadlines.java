package cn.govshare.deadline;

import java.util.List;
import org.springframework.stereotype.Service;

/** The read API of the deadline ledger for other features (share requests, corrections, disputes). */
@Service
public class Deadlines {

  private final DeadlineMapper mapper;

  Deadlines(DeadlineMapper mapper) {
    this.mapper = mapper;
  }

  /** Every deadline of one process instance, oldest first, whatever its state. */
  public List<DeadlineView> forProcessInstance(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).stream().map(DeadlineView::of).toList();
  }
}
