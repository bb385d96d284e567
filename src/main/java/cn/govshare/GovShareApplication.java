package cn.govshare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** GovShare 政务信息资源共享审批平台: Camunda 7 with the sharing regulations' rules on top. */
@SpringBootApplication
@EnableScheduling
public class GovShareApplication {

  public static void main(String[] args) {
    SpringApplication.run(GovShareApplication.class, args);
  }
}
