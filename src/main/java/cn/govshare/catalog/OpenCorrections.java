package cn.govshare.catalog;

import java.util.List;

/** Extension point, implemented by correction: doubts still open on a resource (R22), shown with the entry. */
public interface OpenCorrections {

  List<OpenCorrection> forResource(String resourceCode);
}
