package dev.arkchat.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code ark} health indicator, {@code management.health.ark.*} (turned off with
 * {@code management.health.ark.enabled=false}).
 */
@ConfigurationProperties("management.health.ark")
public class ArkHealthIndicatorProperties {

	/**
	 * Longest wait for each Ark host to answer the health check's probe (to connect, then to the answer's headers).
	 */
	private Duration timeout = Duration.ofSeconds(3);

	/**
	 * The probe timeout.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Sets the probe timeout.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
