package cn.govshare;

import java.util.Properties;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MyBatis's {@code _databaseId} for GovShare's mappers: {@code h2} on the embedded default, {@code mysql} on MySQL and
 * MariaDB (Connector/J names both MySQL). A statement that one database plans badly says so in its own XML
 * ({@code <if test="_databaseId == 'h2'">}); every other statement is the same on both.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseIds {

  @Bean
  DatabaseIdProvider databaseIdProvider() {
    Properties products = new Properties();
    products.setProperty("H2", "h2");
    products.setProperty("MySQL", "mysql");
    products.setProperty("MariaDB", "mysql");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(products);
    return provider;
  }
}
