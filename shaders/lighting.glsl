// lighting.glsl: the atlas-plate look's studio lights, fixed to the camera: a key light upper left and a fill
// light right (their world directions from the C++ side), over a hemispheric ambient, and each look's highlight.
// Placed after a mesh variant's defines, before mesh.vert and mesh.frag (Renderer: mesh variants), which light
// per vertex or per pixel (MYO_VERTEX_LIGHT, mesh.frag).
uniform vec3 u_keyDir;
uniform vec3 u_fillDir;

const vec3 kKeyColour = vec3(1.00, 0.96, 0.90) * 0.95;
const vec3 kFillColour = vec3(0.80, 0.86, 1.00) * 0.35;

// The diffuse light (rgb) and the key light's highlight before its strength (a), for the unit normal n and the
// unit vector v toward the eye.
vec4 studioLight(vec3 n, vec3 v, float shininess) {
  float keyDot = dot(n, u_keyDir);
  float key = max(keyDot, 0.0);
  float fill = max(dot(n, u_fillDir), 0.0);
  float wrap = max((keyDot + 0.35) / 1.35, 0.0);  // soft terminator
  vec3 hemi = mix(vec3(0.30, 0.27, 0.25), vec3(0.62, 0.66, 0.72), 0.5 + 0.5 * n.y);
  vec3 h = normalize(u_keyDir + v);
  return vec4(hemi * 0.55 + kKeyColour * mix(key, wrap, 0.5) + kFillColour * fill,
              pow(max(dot(n, h), 0.0), shininess));
}

// The key light's highlight on the look being drawn (MYO_LOOK): its strength (x) and shininess (y); a muscle's
// grow with its tendon share t (0..1).
vec2 lookHighlight(float t) {
#if MYO_LOOK == 3
  return vec2(mix(0.22, 0.45, t), mix(28.0, 60.0, t));
#elif MYO_LOOK == 2
  return vec2(0.05, 10.0);
#elif MYO_LOOK == 1
  return vec2(0.10, 14.0);
#else
  return vec2(0.12, 24.0);
#endif
}
