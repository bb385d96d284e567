package cn.govshare.catalog;

/** The catalogue HTTP contract against the real database: run by .ci/run with the mysql profile. */
class CatalogIT extends CatalogApiTest {
}
