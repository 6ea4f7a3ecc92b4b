<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "500"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'Something went wrong on our side' : '서버에서 문제가 발생했습니다'}</h1>
<p>${en ? 'Nothing you entered was saved half-way. Please try again in a moment.' : '입력하신 내용이 일부만 저장되지는 않았습니다. 잠시 후 다시 시도해 주세요.'}</p>
<c:set var="incident" value="${requestScope['incidentId']}"/>
<p class="error-detail">${en ? 'Incident' : '오류 번호'}: <code><c:out value="${empty incident ? 'unrecorded' : incident}"/></code></p>
<p class="error-code">500</p>
<%@ include file="_bottom.jspf" %>
