package cn.govshare.catalog;

import java.util.List;

/** One page of the listing; {@code page} counts from 0. */
record CatalogPage(List<CatalogSummary> items, long total, int page, int size) {
}
