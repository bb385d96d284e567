/**
 * Wire API v1 between two GovShare platforms (R24; nanchang 14, 16; hubei 12, 18): the records a lower
 * (city) platform and its upper (provincial) platform exchange over {@code /api/federation/v1}. Both sides
 * compile against these types; docs/federation.md "Wire API v1" describes them for anyone else.
 */
package cn.govshare.federation.api;
