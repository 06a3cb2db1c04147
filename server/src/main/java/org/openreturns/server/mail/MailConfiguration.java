package org.openreturns.server.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Unsent mail is retried on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {
}
