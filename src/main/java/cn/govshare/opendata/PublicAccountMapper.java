package cn.govshare.opendata;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PublicAccountMapper {

  void insert(@Param("a") PublicAccount account);

  PublicAccount find(String userId);

  int countIdNumber(String idNumber);

  int newCode(@Param("userId") String userId, @Param("digest") String digest, @Param("expiresAt") Instant expiresAt);

  int failedCode(String userId);

  /** Marks the account verified, only while it is not yet and the digest is the one sent. */
  int verify(@Param("userId") String userId, @Param("digest") String digest, @Param("at") Instant at);
}
