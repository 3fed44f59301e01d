package dev.arkchat.samples.knowledgeqa;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkTimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of {@code POST /ask} into problem details: a bad question is the caller's fault (400); a missing
 * collection setting is the application's (500, naming the property); a failure of the knowledge base is a bad
 * gateway (502) or a gateway timeout (504), with its code and request id.
 */
@RestControllerAdvice
class ArkErrorAdvice {

	@ExceptionHandler
	ProblemDetail badQuestion(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notConfigured(IllegalStateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
		problem.setTitle("The knowledge base is not configured");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail arkFailed(ArkException ex) {
		HttpStatus status = (ex instanceof ArkTimeoutException) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("The knowledge base could not answer");
		if (ex instanceof ArkApiException api) {
			problem.setProperty("arkStatus", api.getStatusCode());
			problem.setProperty("code", api.getCode());
		}
		problem.setProperty("requestId", ex.getRequestId());
		return problem;
	}

}
