package org.coag.core.run;

import java.util.Map;

/**
 * The outcome of {@link RunDriver#run}.
 *
 * @param status completed or interrupted
 * @param step steps done
 * @param summary the contents of summary.json (null unless completed)
 */
public record RunResult(String status, long step, Map<String, Object> summary) {
}
