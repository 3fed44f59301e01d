package dev.arkchat.samples.contextchat;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.context.ContextBusyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into problem details: a bad message is the caller's fault (400); a conversation busy in another
 * instance of the application is a conflict (409, retry later); any other failure of Ark is a bad gateway (502) or a
 * gateway timeout (504), with Ark's code and request id.
 */
@RestControllerAdvice
class ArkErrorAdvice {

	@ExceptionHandler
	ProblemDetail badMessage(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail busy(ContextBusyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("The conversation is busy with another message");
		problem.setProperty("contextId", ex.getContextId());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail arkFailed(ArkException ex) {
		HttpStatus status = (ex instanceof ArkTimeoutException) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("Ark could not answer");
		if (ex instanceof ArkApiException api) {
			problem.setProperty("arkStatus", api.getStatusCode());
			problem.setProperty("code", api.getCode());
		}
		problem.setProperty("requestId", ex.getRequestId());
		return problem;
	}

}
