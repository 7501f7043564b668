import { errorBody, type GraphRequest, type SimResponse } from "../http";
import { validateBatchResponse, validateResponseBody } from "./validate";

// The strict-mode hook (validateResponses): every Graph response the simulator sends — each
// $batch item on its own, and the envelope — is checked against Microsoft's published schema
// for its operation. A response no schema describes counts as a violation too, so a new route
// cannot slip past unchecked. "record" keeps the response and notes the violation; "fail"
// answers 500 instead, so the calling test fails where the simulator went wrong.

export type ResponseCheckMode = "record" | "fail";
export type ResponseChecker = (req: Pick<GraphRequest, "version" | "method" | "path" | "requestId">, res: SimResponse) => SimResponse;

export function createResponseChecker(violations: string[], mode: ResponseCheckMode): ResponseChecker {
  return (req, res) => {
    const batch = req.path === "/$batch" && req.method === "POST" && res.status < 400;
    const result = batch ? validateBatchResponse(res.body) : validateResponseBody(req.version, req.method, req.path, res.status, res.body);
    const problems = result.checked ? result.errors : ["no published schema describes this operation"];
    if (problems.length === 0) return res;
    const line = `${req.method} /${req.version}${req.path} → ${res.status}: ${problems.join("; ")}`;
    violations.push(line);
    if (mode === "record") return res;
    return {
      status: 500,
      body: errorBody("generalException", `The simulator's response breaks Graph's published schema: ${line}`, req.requestId),
    };
  };
}
